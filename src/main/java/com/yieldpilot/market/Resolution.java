package com.yieldpilot.market;

/**
 * How finely history is returned: every raw sample, or hourly and daily rollups, which
 * are kept for years.
 */
public enum Resolution {

	RAW, HOUR, DAY

}
