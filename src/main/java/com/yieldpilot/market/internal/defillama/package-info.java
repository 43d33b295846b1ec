/**
 * The DefiLlama Yields source ({@code https://yields.llama.fi}): streaming parsers for
 * the {@code /pools} and {@code /chart/{pool}} responses that turn DefiLlama's loosely
 * typed JSON into validated records and report every record they had to skip and why, and
 * an HTTP client that fetches those responses behind a retry and a circuit breaker and
 * keeps a {@link com.yieldpilot.market.internal.defillama.SourceHealth} of the source.
 * Nothing here touches the database or other modules; callers decide what to do with the
 * pools.
 */
@NullMarked
package com.yieldpilot.market.internal.defillama;

import org.jspecify.annotations.NullMarked;
