package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The newest value read for each key at a block (number and hash), read once: a second
 * request for the same block gets the value already read, or waits for the read under
 * way; another block (a new one, or a reorg's at the same height) reads again. A read
 * that failed is not kept. At most {@code capacity} keys, least recently used out first.
 * Many keys can be asked for at once ({@link #getAll}): those missing are read together.
 * <p>
 * A caller waits for another's read at most {@code patience}: the reads are bounded by
 * the RPC client's own time limits, so a wait longer than that means a read that will
 * never end, and the caller fails instead of stalling (with the chain's block unchanged,
 * every later caller would otherwise wait for the same read).
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

	private final Duration patience;

	BlockPinned(int capacity, Duration patience) {
		this.patience = patience;
		this.recent = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Pinned<T>> eldest) {
				return size() > capacity;
			}
		});
	}

	/** Reads the values of many keys at the block at once; may fail. */
	@FunctionalInterface
	interface ReadAll<T> {

		/**
		 * @return a value for every key asked for
		 */
		Map<String, T> at(long block, List<String> keys) throws IOException;

	}

	/**
	 * The key's value at the block, read by {@code read} unless it was read or is being
	 * read at that block.
	 * @throws IOException or a runtime exception when this read, or the one waited for,
	 * failed
	 */
	T get(String key, long block, String hash, Read<T> read) throws IOException {
		return getAll(List.of(key), block, hash, (at, keys) -> Map.of(key, read.at(at))).get(key);
	}

	/**
	 * The keys' values at the block: those read or being read at that block are shared,
	 * all the others are read by one call of {@code read}. This read is made before
	 * waiting for any other, so two callers that wait for each other's keys cannot wait
	 * forever.
	 * @throws IOException or a runtime exception when this read, or one waited for,
	 * failed; a value this read was to give is then not kept for any of its keys
	 */
	Map<String, T> getAll(Collection<String> keys, long block, String hash, ReadAll<T> read) throws IOException {
		Map<String, Pinned<T>> mine = new LinkedHashMap<>();
		Map<String, Pinned<T>> others = new LinkedHashMap<>();
		for (String key : new LinkedHashSet<>(keys)) {
			Pinned<T> fresh = new Pinned<>(block, hash, new CompletableFuture<>());
			Pinned<T> pinned = this.recent.compute(key,
					(k, known) -> (known != null && known.at(fresh)) ? known : fresh);
			((pinned == fresh) ? mine : others).put(key, pinned);
		}
		Map<String, T> values = new HashMap<>();
		if (!mine.isEmpty()) {
			try {
				Map<String, T> fresh = read.at(block, List.copyOf(mine.keySet()));
				for (Map.Entry<String, Pinned<T>> entry : mine.entrySet()) {
					T value = fresh.get(entry.getKey());
					if (value == null) {
						throw new IllegalStateException("the read gave nothing for " + entry.getKey());
					}
					values.put(entry.getKey(), value);
				}
			}
			catch (Throwable ex) {
				// an error too: a future left incomplete would hold up every caller at
				// this block
				mine.forEach((key, pinned) -> {
					this.recent.remove(key, pinned);
					pinned.value().completeExceptionally(ex);
				});
				throw ex;
			}
			mine.forEach((key, pinned) -> pinned.value().complete(values.get(key)));
		}
		for (Map.Entry<String, Pinned<T>> entry : others.entrySet()) {
			values.put(entry.getKey(), join(entry.getKey(), entry.getValue()));
		}
		return values;
	}

	private T join(String key, Pinned<T> pinned) throws IOException {
		try {
			return pinned.value().get(this.patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// not kept: the next caller reads again rather than wait for it too
			this.recent.remove(key, pinned);
			throw new IOException("another read of " + key + " at block " + pinned.block() + " did not end within "
					+ this.patience.toMillis() + " ms", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for the read of " + key, ex);
		}
		catch (ExecutionException | CompletionException ex) {
			// the read waited for failed: its cause says why
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof IOException io) {
				throw io;
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IOException("the read of " + key + " failed: " + cause, cause);
		}
	}

}
