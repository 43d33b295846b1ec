package com.yieldpilot.identity;

/** The colour scheme a user chose for the screens. */
public enum ColorPreference {

	LIGHT, DARK

}
