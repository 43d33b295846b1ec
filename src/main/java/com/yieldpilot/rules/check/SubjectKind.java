package com.yieldpilot.rules.check;

/** What a metric may be read for. */
public enum SubjectKind {

	POOL, CHAIN, ASSET

}
