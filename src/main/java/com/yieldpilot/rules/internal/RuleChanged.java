package com.yieldpilot.rules.internal;

import com.yieldpilot.rules.RuleId;

/** A rule's definition changed (saved, enabled, disabled): its shard should look now. */
public record RuleChanged(RuleId rule, int shard) {

}
