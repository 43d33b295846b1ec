package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The newest value read for each key at a block (number and hash), read once: a second
 * request for the same block gets the value already read, or waits for the read under
 * way; another block (a new one, or a reorg's at the same height) reads again. A read
 * that failed is not kept. At most {@code capacity} keys, least recently used out first.
 */
final class BlockPinned<T> {

	/** Reads the value at the block; may fail. */
	@FunctionalInterface
	interface Read<T> {

		T at(long block) throws IOException;

	}

	private record Pinned<T>(long block, String hash, CompletableFuture<T> value) {

		boolean at(Pinned<T> other) {
			return this.block == other.block && this.hash.equals(other.hash);
		}

	}

	private final Map<String, Pinned<T>> recent;

	BlockPinned(int capacity) {
		this.recent = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Pinned<T>> eldest) {
				return size() > capacity;
			}
		});
	}

	/**
	 * The key's value at the block, read by {@code read} unless it was read or is being
	 * read at that block.
	 * @throws IOException or a runtime exception when this read, or the one waited for,
	 * failed
	 */
	T get(String key, long block, String hash, Read<T> read) throws IOException {
		Pinned<T> mine = new Pinned<>(block, hash, new CompletableFuture<>());
		Pinned<T> pinned = this.recent.compute(key, (k, known) -> (known != null && known.at(mine)) ? known : mine);
		if (pinned != mine) {
			try {
				return pinned.value().join();
			}
			catch (CompletionException ex) {
				// the read waited for failed: its cause says why
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				if (cause instanceof IOException io) {
					throw io;
				}
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw ex;
			}
		}
		try {
			T value = read.at(block);
			mine.value().complete(value);
			return value;
		}
		catch (IOException | RuntimeException ex) {
			this.recent.remove(key, mine);
			mine.value().completeExceptionally(ex);
			throw ex;
		}
	}

}
