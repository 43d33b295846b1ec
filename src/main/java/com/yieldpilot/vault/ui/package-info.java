/**
 * The farmer's vault screens: the vault page (address, owner, executor, allowlist,
 * limits, pause) and the portfolio page (value over time, positions, profit against just
 * holding). Package-private views over the module's public API.
 */
@NullMarked
package com.yieldpilot.vault.ui;

import org.jspecify.annotations.NullMarked;
