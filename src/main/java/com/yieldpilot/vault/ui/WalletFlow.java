package com.yieldpilot.vault.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.PreparedCall;
import com.yieldpilot.vault.VaultWallet;
import com.yieldpilot.vault.WalletCallException;

/**
 * Runs prepared calls one after another through the wallet: check against the chain, ask
 * the wallet, wait for the confirmation off the UI thread, show each step in the call
 * log, and stop at the first failure. What comes back arrives by push.
 */
class WalletFlow {

	private final VaultWallet wallet;

	private final UserId user;

	private final WalletBridge bridge;

	private final CallLog log;

	WalletFlow(VaultWallet wallet, UserId user, WalletBridge bridge, CallLog log) {
		this.wallet = wallet;
		this.user = user;
		this.bridge = bridge;
		this.log = log;
	}

	/**
	 * Prepares the calls (a bad input is shown, not thrown), then runs them; {@code done}
	 * follows success.
	 */
	void run(Supplier<List<PreparedCall>> prepare, Runnable done) {
		List<PreparedCall> calls;
		try {
			calls = prepare.get();
		}
		catch (WalletCallException ex) {
			this.log.failed(ex.getMessage());
			return;
		}
		next(new ArrayDeque<>(calls), done);
	}

	private void next(Deque<PreparedCall> calls, Runnable done) {
		PreparedCall call = calls.poll();
		if (call == null) {
			done.run();
			return;
		}
		this.log.asking(call);
		try {
			this.wallet.check(call);
		}
		catch (WalletCallException ex) {
			this.log.failed(ex.getMessage());
			return;
		}
		UI ui = UI.getCurrent();
		this.bridge.send(call, (reply) -> {
			if (!reply.ok() || reply.hash() == null) {
				this.log.failed(Objects.requireNonNullElse(reply.message(), "The wallet did not send it."));
				return;
			}
			this.log.waiting(reply.hash());
			this.wallet.confirm(this.user, call, reply.hash()).whenComplete((confirmed, error) -> ui.access(() -> {
				if (error != null) {
					this.log.failed(message(error));
				}
				else {
					this.log.confirmed(confirmed);
					next(calls, done);
				}
			}));
		});
	}

	private static String message(Throwable error) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
		return (cause instanceof WalletCallException) ? cause.getMessage()
				: "YieldPilot could not confirm the transaction: " + cause.getMessage();
	}

}
