package com.yieldpilot.rules.internal.engine;

/** Connects a term to a leaf that reads it among other terms. */
public record LeafLink(int key, long leaf) {

	public int getKey() {
		return this.key;
	}

	public long getLeaf() {
		return this.leaf;
	}

}
