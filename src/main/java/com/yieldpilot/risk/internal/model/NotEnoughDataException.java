package com.yieldpilot.risk.internal.model;

/** Too few matured outcomes, or only one kind, to train or calibrate a model. */
public class NotEnoughDataException extends RuntimeException {

	public NotEnoughDataException(String message) {
		super(message);
	}

}
