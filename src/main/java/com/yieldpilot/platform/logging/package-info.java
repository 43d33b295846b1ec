/**
 * Keeps secrets out of the logs: a Logback converter that masks tokens, keys and
 * passwords in every message. Exposed so local mode can name the one logger allowed to
 * print its generated demo logins.
 */
@NullMarked
@NamedInterface("logging")
package com.yieldpilot.platform.logging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
