package com.yieldpilot.rules.lang;

/** Where something is in a rule's text: line and column, both counted from 1. */
public record Position(int line, int column) {

	/** The start of the text. */
	public static final Position START = new Position(1, 1);

	public Position {
		if (line < 1 || column < 1) {
			throw new IllegalArgumentException("Lines and columns count from 1: " + line + ":" + column);
		}
	}

	@Override
	public String toString() {
		return "line " + this.line + ", column " + this.column;
	}

}
