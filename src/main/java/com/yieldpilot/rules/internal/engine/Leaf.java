package com.yieldpilot.rules.internal.engine;

/**
 * A comparison. A leaf over one term joins that term's value directly; a leaf over
 * several terms is reached through one {@link LeafLink} per term and reads them all.
 */
public final class Leaf extends Node {

	private final Formula formula;

	private final TermValue[] terms;

	private final int key;

	private final double[] scratch;

	Leaf(long id, long parent, long rule, int depth, Formula formula, TermValue[] terms) {
		super(id, parent, rule, depth);
		this.formula = formula;
		this.terms = terms.clone();
		this.key = (terms.length == 1) ? terms[0].getKey() : -1;
		this.scratch = new double[terms.length];
		setState(evaluate());
	}

	/** The single term's key, or -1 for a leaf over zero or several terms. */
	public int getKey() {
		return this.key;
	}

	/** The leaf's truth for a new value of its single term. */
	public Truth test(double value, boolean known) {
		if (!known) {
			return Truth.UNKNOWN;
		}
		this.scratch[0] = value;
		return this.formula.evaluate(this.scratch);
	}

	/** The leaf's truth over the current values of all its terms. */
	public Truth evaluate() {
		for (int i = 0; i < this.terms.length; i++) {
			if (!this.terms[i].isKnown()) {
				return Truth.UNKNOWN;
			}
			this.scratch[i] = this.terms[i].getValue();
		}
		return this.formula.evaluate(this.scratch);
	}

	/** Same as {@link #evaluate()}; takes the changed term so the engine joins on it. */
	public Truth evaluateAfter(TermValue changed) {
		return evaluate();
	}

	public void follow(Truth truth) {
		setState(truth);
	}

}
