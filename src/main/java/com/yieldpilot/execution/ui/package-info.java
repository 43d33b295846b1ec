/** The admins' screens: the guardrail editor and the kill switch. */
@NullMarked
package com.yieldpilot.execution.ui;

import org.jspecify.annotations.NullMarked;
