package com.yieldpilot.market.internal.simulator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives one independent generator per named thing (a pool, an asset, a chain) from the
 * market seed, so that each path depends only on the seed and its own name: adding,
 * removing or reordering pools changes no other path. {@link SplittableRandom} is a
 * documented, seedable algorithm in {@code java.base}; a path splits it further, one
 * stream per process, so that how many draws one process makes never shifts another.
 */
final class Seeds {

	private Seeds() {
	}

	static SplittableRandom generator(long seed, String name) {
		// FNV-1a over the UTF-8 name, started from the seed, then a SplitMix64 finalizer
		// so that names differing in one character still give unrelated streams
		long hash = 0xCBF29CE484222325L ^ mix(seed);
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			hash = (hash ^ (b & 0xFF)) * 0x100000001B3L;
		}
		return new SplittableRandom(mix(hash));
	}

	private static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
