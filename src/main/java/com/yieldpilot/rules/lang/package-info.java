/**
 * The rule language: the syntax tree of records that rules are stored as, the parser from
 * text (ANTLR, generated into {@code lang.grammar}) with errors a farmer can act on, and
 * the canonical printer back to text. Nothing here knows the market or Spring; the checks
 * against the catalog and the plan live in {@code rules.check}. Other modules read the
 * actions of intents in these records. See docs/decisions/0004-rule-language.md.
 */
@NullMarked
@NamedInterface("lang")
package com.yieldpilot.rules.lang;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
