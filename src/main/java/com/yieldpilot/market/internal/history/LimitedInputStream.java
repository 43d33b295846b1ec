package com.yieldpilot.market.internal.history;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails once more than a limit of bytes was read, so a small compressed upload cannot
 * unpack into gigabytes.
 */
final class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private long read;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		count(skipped);
		return skipped;
	}

	private void count(long n) throws IOException {
		this.read += n;
		if (this.read > this.limit) {
			throw new FileTooLargeException(this.limit);
		}
	}

	/** The file is larger than the limit. */
	static final class FileTooLargeException extends IOException {

		FileTooLargeException(long limit) {
			super("The file is larger than " + (limit >> 20) + " MB (unpacked): split it into several files");
		}

	}

}
