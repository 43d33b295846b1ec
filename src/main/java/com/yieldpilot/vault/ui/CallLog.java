package com.yieldpilot.vault.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.yieldpilot.vault.ConfirmedCall;
import com.yieldpilot.vault.PreparedCall;

/**
 * The call the wallet is asked to sign, as YieldPilot prepared it (what it does, the
 * contract, the encoded data), and where it stands: waiting for the wallet, waiting for
 * the chain, confirmed, or failed with the reason.
 */
class CallLog extends VerticalLayout {

	final Span description = new Span();

	final Pre call = new Pre();

	final Span status = new Span();

	CallLog() {
		setId("wallet-call");
		setPadding(false);
		setSpacing(false);
		this.status.setId("wallet-status");
		this.call.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all").set("font-size", "small");
		add(this.description, this.call, new Div(this.status));
		setVisible(false);
	}

	void asking(PreparedCall prepared) {
		setVisible(true);
		this.description.setText(prepared.action().label() + ": " + prepared.description());
		this.call.setText("chain " + prepared.chainId() + "\nfrom " + prepared.from() + "\nto   " + prepared.to()
				+ "\ndata " + prepared.data());
		show("Confirm it in your wallet…", "contrast");
	}

	void waiting(String hash) {
		show("Sent as " + hash + ". Waiting for the chain…", "contrast");
	}

	void confirmed(ConfirmedCall confirmed) {
		show(confirmed.summary() + " Transaction " + confirmed.transactionHash() + ".", "success");
	}

	void failed(String message) {
		setVisible(true);
		show(message, "error");
	}

	void info(String message) {
		setVisible(true);
		this.description.setText("");
		this.call.setText("");
		show(message, "contrast");
	}

	private void show(String text, String theme) {
		this.status.setText(text);
		this.status.getElement().getThemeList().clear();
		this.status.getElement().getThemeList().add("badge");
		this.status.getElement().getThemeList().add(theme);
	}

}
