package com.yieldpilot.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Synthetic DefiLlama {@code /pools} bodies: every field the live response has, in its
 * order and with its mix of nulls, nested {@code predictions} and token address lists,
 * about 800 bytes per pool like the live one. Projects, symbols, ids and addresses are
 * invented; a seed makes a body the same on every run.
 */
final class PoolsBodies {

	private static final String[] CHAINS = { "Ethereum", "Arbitrum", "Base", "Optimism", "Polygon", "BSC", "Avalanche",
			"Solana", "Linea", "Scroll" };

	private static final String[] PROJECTS = { "kestrel-v2", "saltmarsh-stable", "meridian-swap", "tidewater-lend",
			"quillfin", "harbor-vaults", "lumen-dex", "ashgrove-cdp", "copperline", "nimbus-yield" };

	private static final String[] TOKENS = { "USDC", "USDT", "DAI", "WETH", "WBTC", "STETH", "FRAX", "LUSD", "ARB",
			"OP", "CBETH", "RETH", "GHO", "EURC" };

	private static final String[] PREDICTED = { "Stable/Up", "Down" };

	private PoolsBodies() {
	}

	/**
	 * A body of {@code pools} pools, each with all four metrics (APY, base, reward, TVL).
	 */
	static byte[] body(int pools, long seed) {
		// written twice, first only to learn the length, so building it needs no more
		// heap than the body itself
		ArrayStream length = new ArrayStream(null);
		write(pools, seed, length);
		byte[] body = new byte[length.count];
		write(pools, seed, new ArrayStream(body));
		return body;
	}

	/** The same body written to a file, for parsing without holding it in the heap. */
	static void write(int pools, long seed, Path file) {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			write(pools, seed, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(int pools, long seed, OutputStream out) {
		SplittableRandom random = new SplittableRandom(seed);
		StringBuilder text = new StringBuilder(2048);
		text.append("{\"status\": \"success\", \"data\": [");
		for (int i = 0; i < pools; i++) {
			if (i > 0) {
				text.append(",\n");
			}
			appendPool(text, i, seed, random);
			flush(text, out);
		}
		text.append("]}");
		flush(text, out);
	}

	/** The text is ASCII: one byte per char. */
	private static void flush(StringBuilder text, OutputStream out) {
		try {
			for (int i = 0; i < text.length(); i++) {
				out.write(text.charAt(i));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		text.setLength(0);
	}

	/** Counts what is written, and keeps it when given an array exactly that long. */
	private static final class ArrayStream extends OutputStream {

		private final byte @Nullable [] into;

		int count;

		ArrayStream(byte @Nullable [] into) {
			this.into = into;
		}

		@Override
		public void write(int b) {
			if (this.into != null) {
				this.into[this.count] = (byte) b;
			}
			this.count++;
		}

	}

	private static void appendPool(StringBuilder out, int index, long seed, SplittableRandom random) {
		String chain = pick(CHAINS, random);
		String project = pick(PROJECTS, random);
		boolean pair = random.nextInt(3) > 0;
		String symbol = pick(TOKENS, random) + (pair ? "-" + pick(TOKENS, random) : "") + "-" + index;
		double tvl = Math.pow(10, 3 + random.nextDouble() * 6);
		double base = random.nextDouble() * 12;
		double reward = random.nextDouble() * 4;
		boolean stable = random.nextInt(4) == 0;
		out.append("{\"chain\": \"").append(chain).append("\", \"project\": \"").append(project);
		out.append("\", \"symbol\": \"").append(symbol).append("\", \"tvlUsd\": ").append(round(tvl, 1));
		out.append(", \"apyBase\": ").append(round(base, 5)).append(", \"apyReward\": ").append(round(reward, 5));
		out.append(", \"apy\": ").append(round(base + reward, 5)).append(", \"rewardTokens\": [");
		out.append('"').append(address(random)).append("\"], \"pool\": \"").append(poolId(seed, index));
		out.append("\", \"apyPct1D\": ").append(round(random.nextGaussian() * 0.1, 5));
		out.append(", \"apyPct7D\": ").append(random.nextInt(5) == 0 ? "null" : round(random.nextGaussian(), 5));
		out.append(", \"apyPct30D\": ").append(round(random.nextGaussian(), 5));
		out.append(", \"stablecoin\": ").append(stable).append(", \"ilRisk\": \"").append(pair ? "yes" : "no");
		out.append("\", \"exposure\": \"").append(pair ? "multi" : "single");
		out.append("\", \"predictions\": {\"predictedClass\": \"").append(pick(PREDICTED, random));
		out.append("\", \"predictedProbability\": ").append(50 + random.nextInt(50));
		out.append(", \"binnedConfidence\": ").append(1 + random.nextInt(3)).append('}');
		out.append(", \"poolMeta\": ").append(random.nextBoolean() ? "null" : "\"v2 - 0.05%\"");
		out.append(", \"mu\": ").append(round(base * 1.1, 5)).append(", \"sigma\": ").append(round(base / 10, 5));
		out.append(", \"count\": ").append(random.nextInt(1500)).append(", \"outlier\": false");
		out.append(", \"underlyingTokens\": [\"").append(address(random)).append('"');
		if (pair) {
			out.append(", \"").append(address(random)).append('"');
		}
		out.append("], \"il7d\": null, \"apyBase7d\": ").append(round(base, 5));
		out.append(", \"apyMean30d\": ").append(round(base + reward * 0.9, 5));
		out.append(", \"volumeUsd1d\": ").append(pair ? round(tvl / 20, 5) : "null");
		out.append(", \"volumeUsd7d\": ").append(pair ? round(tvl / 3, 5) : "null");
		out.append(", \"apyBaseInception\": null}");
	}

	/** The invented id of pool {@code index} in the body made with {@code seed}. */
	static String poolId(long seed, int index) {
		return UUID.nameUUIDFromBytes(("bench-pool-" + seed + "-" + index).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String address(SplittableRandom random) {
		return String.format(Locale.ROOT, "0x%016x%016x%08x", random.nextLong(), random.nextLong(), random.nextInt());
	}

	private static String pick(String[] values, SplittableRandom random) {
		return values[random.nextInt(values.length)];
	}

	private static String round(double value, int digits) {
		return String.format(Locale.ROOT, "%." + digits + "f", value);
	}

}
