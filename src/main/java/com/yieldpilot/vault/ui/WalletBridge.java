package com.yieldpilot.vault.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.page.PendingJavaScriptResult;
import com.yieldpilot.vault.PreparedCall;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java side of {@code <yp-wallet>}
 * ({@code src/main/frontend/components/yp-wallet.ts}): asks the farmer's browser wallet
 * (EIP-1193) to connect, to sign a challenge and to send a prepared call, and hands its
 * reply to a callback on the UI thread. The wallet signs; the server never sees a key.
 */
@Tag("yp-wallet")
@JsModule("./components/yp-wallet.ts")
class WalletBridge extends Component {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The wallet's answer: {@code ok} with what was asked for, or a {@code code}
	 * ({@code no-wallet}, {@code rejected}, {@code wrong-chain}, {@code wrong-account},
	 * {@code failed}) and a message for the farmer.
	 */
	record Reply(boolean ok, @Nullable String code, @Nullable String message, @Nullable String account,
			@Nullable String hash, @Nullable String signature) {

		static Reply failed(String message) {
			return new Reply(false, "failed", message, null, null, null);
		}

	}

	void connect(long chainId, Consumer<Reply> onReply) {
		handle(getElement().callJsFunction("connect", Long.toString(chainId)), onReply);
	}

	void sign(String account, String message, Consumer<Reply> onReply) {
		handle(getElement().callJsFunction("sign", account, message), onReply);
	}

	void send(PreparedCall call, Consumer<Reply> onReply) {
		handle(getElement().callJsFunction("send", Long.toString(call.chainId()), call.from(), call.to(), call.data(),
				call.value().toString()), onReply);
	}

	private static void handle(PendingJavaScriptResult result, Consumer<Reply> onReply) {
		result.then(String.class, (json) -> onReply.accept(parse(json)),
				(error) -> onReply.accept(Reply.failed("The browser could not reach the wallet: " + error)));
	}

	private static Reply parse(String json) {
		try {
			return JSON.readValue(json, Reply.class);
		}
		catch (RuntimeException ex) {
			return Reply.failed("The wallet's answer could not be read.");
		}
	}

}
