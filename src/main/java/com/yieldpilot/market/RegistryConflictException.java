package com.yieldpilot.market;

/**
 * A registry change that clashes with what is stored: the pool exists already, it changed
 * since it was read, or it is not the registry's to change. Nothing was stored.
 */
public class RegistryConflictException extends RuntimeException {

	public RegistryConflictException(String message) {
		super(message);
	}

}
