/**
 * The farmer's rule screens: "My rules", the editor (CodeMirror text with live validation
 * and the visual builder over the same syntax tree), a rule's detail with its traces,
 * versions, diff and rollback, and the admins' rule template library. Views stay thin:
 * the builder's logic lives in plain classes ({@link com.yieldpilot.rules.ui.RuleDraft}
 * and its parts) that the tests drive without a browser.
 */
@NullMarked
package com.yieldpilot.rules.ui;

import org.jspecify.annotations.NullMarked;
