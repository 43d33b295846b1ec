package com.yieldpilot.market;

/**
 * How a trailing window of a metric is summarised. {@code CHANGE} is the newest minus the
 * oldest value in the window, in the metric's unit (percentage points for APYs);
 * {@code PCT_CHANGE} is that change relative to the oldest value, in percent.
 */
public enum WindowAggregate {

	AVG, MIN, MAX, CHANGE, PCT_CHANGE

}
