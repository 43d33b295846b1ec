package com.yieldpilot.rules.lang;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each node of a parsed tree is in the text: its first token, or for an operator,
 * {@code for}, a window or an action, that keyword. Kept beside the tree, by node
 * identity, so that positions never take part in the tree's equality: a parsed tree
 * equals the same rule built by hand, and validation can still point at the text.
 */
public final class SourcePositions {

	/** No positions: for trees that were not parsed, such as the visual builder's. */
	public static final SourcePositions NONE = new SourcePositions(Map.of(), Map.of());

	private final Map<Object, Position> positions;

	private final Map<String, Position> options;

	private SourcePositions(Map<Object, Position> positions, Map<String, Position> options) {
		this.positions = positions;
		this.options = options;
	}

	/** Where the node starts, if it was parsed from text. */
	public Optional<Position> of(Object node) {
		return Optional.ofNullable(this.positions.get(node));
	}

	/**
	 * Where an option was written, by its keywords: {@code cooldown}, {@code max gas},
	 * {@code mode}, {@code approval required}, {@code priority}, {@code expires},
	 * {@code evaluate every}.
	 */
	public Optional<Position> option(String keywords) {
		return Optional.ofNullable(this.options.get(keywords));
	}

	/**
	 * Where the first of the nodes that has a position starts: the node itself, then the
	 * nodes around it; the start of the text when none has one.
	 */
	public Position find(Object... nodes) {
		for (Object node : nodes) {
			Position position = this.positions.get(node);
			if (position != null) {
				return position;
			}
		}
		return Position.START;
	}

	static final class Recorder {

		private final Map<Object, Position> positions = new IdentityHashMap<>();

		private final Map<String, Position> options = new HashMap<>();

		<T> T at(T node, Position position) {
			this.positions.putIfAbsent(node, position);
			return node;
		}

		void option(String keywords, Position position) {
			this.options.putIfAbsent(keywords, position);
		}

		SourcePositions done() {
			return new SourcePositions(this.positions, Map.copyOf(this.options));
		}

	}

}
