/**
 * The execution screens: the farmer's execution history with each execution's steps, the
 * approvals inbox, and for admins the executor keys, stuck transactions and alerts, the
 * guardrail editor and the kill switch.
 */
@NullMarked
package com.yieldpilot.execution.ui;

import org.jspecify.annotations.NullMarked;
