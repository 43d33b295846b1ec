/**
 * web3j wrappers generated at build time from the Solidity sources in contracts/ (never
 * edited, never committed). Exposed to other modules, which deploy and read these
 * contracts through them.
 */
@NullMarked
@NamedInterface("contracts")
package com.yieldpilot.chain.contracts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
