package com.yieldpilot.vault.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.WalletCallException;
import com.yieldpilot.vault.WalletChallenge;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links wallets to farmers: the farmer's wallet signs a single-use, short-lived challenge
 * with {@code personal_sign} (EIP-191), and the address recovered from the signature must
 * be the one the challenge names. The challenge is an EIP-4361 message naming
 * YieldPilot's own site ({@code yieldpilot.vault.wallet.site}), never one a browser
 * supplies, so a wallet that checks the domain warns a farmer whom another site asks to
 * sign it. Only a linked wallet's vault is ever recorded for a farmer, so nobody can
 * claim a vault by quoting someone else's transaction.
 */
@Component
class WalletLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WalletStore store;

	private final AuditLog audit;

	private final WalletProperties properties;

	private final Clock clock;

	WalletLinks(WalletStore store, AuditLog audit, WalletProperties properties, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	WalletChallenge challenge(UserId user, String address, long chainId) {
		String wallet = Addresses.checksum(address, "The wallet's address");
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expires = now.plus(this.properties.challengeTtl());
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String nonce = HexFormat.of().formatHex(bytes);
		URI site = this.properties.site();
		String domain = site.getHost() + ((site.getPort() != -1) ? ":" + site.getPort() : "");
		String message = domain + " wants you to sign in with your Ethereum account:\n" + wallet + "\n\n"
				+ "Link this wallet to your YieldPilot account, to create and configure your vault. Signing sends no "
				+ "transaction and costs nothing.\n\nURI: " + site + "\nVersion: 1\nChain ID: " + chainId + "\nNonce: "
				+ nonce + "\nIssued At: " + now + "\nExpiration Time: " + expires;
		this.store.purgeChallenges(now);
		this.store.insertChallenge(nonce, user, wallet, message, expires);
		return new WalletChallenge(wallet, message, expires);
	}

	/**
	 * Links the wallet when the signature over its open challenge is the wallet's.
	 * @return the wallet's address in checksum form
	 * @throws WalletCallException when there is no open challenge or the signature is not
	 * the wallet's
	 */
	@Transactional(noRollbackFor = WalletCallException.class)
	String link(UserId user, String address, String signature) {
		String wallet = Addresses.checksum(address, "The wallet's address");
		String message = this.store.takeChallenge(user, wallet, this.clock.instant())
			.orElseThrow(() -> new WalletCallException(
					"The request to sign expired or was already used. Connect the wallet again."));
		String signer = signer(message, signature);
		if (!Addresses.same(signer, wallet)) {
			throw new WalletCallException("The signature is not from " + wallet
					+ ". Sign with that wallet, or connect the wallet you signed with.");
		}
		this.store.link(user, wallet, this.clock.instant());
		this.audit.record(user, "vault.wallet-linked", wallet, null);
		return wallet;
	}

	List<String> wallets(UserId user) {
		return this.store.wallets(user);
	}

	boolean linked(UserId user, String address) {
		return wallets(user).stream().anyMatch((w) -> Addresses.same(w, address));
	}

	private static String signer(String message, String signature) {
		byte[] bytes;
		try {
			bytes = Numeric.hexStringToByteArray(signature);
		}
		catch (RuntimeException ex) {
			throw new WalletCallException("The wallet returned a signature that is not hex.");
		}
		if (bytes.length != 65) {
			throw new WalletCallException(
					"The wallet returned a signature of " + bytes.length + " bytes; a wallet signature has 65.");
		}
		byte v = bytes[64];
		if (v < 27) {
			v += 27;
		}
		Sign.SignatureData data = new Sign.SignatureData(v, Arrays.copyOfRange(bytes, 0, 32),
				Arrays.copyOfRange(bytes, 32, 64));
		try {
			return "0x"
					+ Keys.getAddress(Sign.signedPrefixedMessageToKey(message.getBytes(StandardCharsets.UTF_8), data));
		}
		catch (SignatureException | IllegalArgumentException ex) {
			throw new WalletCallException("The wallet's signature is not valid: " + ex.getMessage());
		}
	}

}
