package com.yieldpilot.market.internal.defillama;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Fails a read that waits longer than the read timeout for the next bytes.
 * <p>
 * Why: {@link java.net.http.HttpRequest.Builder#timeout} only bounds the wait for the
 * response headers. A server that sends headers and then stalls mid-body would block a
 * streaming reader forever. A watchdog task closes the stream when one {@code read} has
 * been blocked for the timeout (closing the JDK's response stream wakes the blocked
 * reader), and the reader then gets an {@link HttpTimeoutException}. Time the caller
 * spends between reads (e.g. in its consumer) does not count. Meant for one reading
 * thread.
 */
final class ReadTimeoutInputStream extends FilterInputStream {

	private final long timeoutNanos;

	private final ScheduledExecutorService watchdog;

	/** {@link System#nanoTime()} when the current read started; 0 when not reading. */
	private volatile long readingSince;

	private volatile boolean expired;

	private volatile boolean closed;

	private volatile @Nullable ScheduledFuture<?> check;

	ReadTimeoutInputStream(InputStream in, Duration timeout, ScheduledExecutorService watchdog) {
		super(in);
		this.timeoutNanos = timeout.toNanos();
		this.watchdog = watchdog;
		schedule(this.timeoutNanos);
	}

	@Override
	public int read() throws IOException {
		begin();
		try {
			return this.in.read();
		}
		catch (IOException ex) {
			throw translate(ex);
		}
		finally {
			this.readingSince = 0;
		}
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		begin();
		try {
			return this.in.read(buffer, offset, length);
		}
		catch (IOException ex) {
			throw translate(ex);
		}
		finally {
			this.readingSince = 0;
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		ScheduledFuture<?> pending = this.check;
		if (pending != null) {
			pending.cancel(false);
		}
		super.close();
	}

	private void begin() throws IOException {
		if (this.expired) {
			throw timeout(null);
		}
		// never 0, which means "not reading"
		this.readingSince = System.nanoTime() | 1;
	}

	private IOException translate(IOException ex) {
		return this.expired ? timeout(ex) : ex;
	}

	private HttpTimeoutException timeout(@Nullable IOException cause) {
		HttpTimeoutException timeout = new HttpTimeoutException(
				"no response bytes for " + Duration.ofNanos(this.timeoutNanos) + " (read timeout)");
		if (cause != null) {
			timeout.initCause(cause);
		}
		return timeout;
	}

	private void schedule(long delayNanos) {
		if (!this.closed) {
			this.check = this.watchdog.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
		}
	}

	private void check() {
		if (this.closed) {
			return;
		}
		long since = this.readingSince;
		long blocked = (since != 0) ? System.nanoTime() - since : 0;
		if (blocked >= this.timeoutNanos) {
			this.expired = true;
			try {
				this.in.close();
			}
			catch (IOException ex) {
				// the reader gets the timeout either way
			}
			return;
		}
		schedule(this.timeoutNanos - blocked);
	}

}
