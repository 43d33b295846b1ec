package com.yieldpilot.vault.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.market.LocalDevnet.DevnetPoolVault;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.Devnet;
import com.yieldpilot.vault.Vault;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vault lens (one {@code eth_call} of creation code for many vaults) reads exactly
 * what the vault's views read one by one, at the same block, for vaults in every shape a
 * plan meets: idle funds only, positions in several targets, a paused vault with an
 * ownership transfer under way, and a target removed while the vault still holds its
 * shares.
 */
class VaultLensIT extends ApplicationIT {

	private static final BigInteger USDC = BigInteger.TEN.pow(6);

	@Autowired
	ApplicationContext context;

	@Autowired
	LocalChain chain;

	@Autowired
	LocalDevnet devnet;

	@Test
	void readsWhatTheViewsReadOneByOneAtTheSameBlock() throws Exception {
		List<DevnetPoolVault> pools = this.devnet.pools(Duration.ofMinutes(3));
		String token = pools.stream()
			.filter((p) -> p.asset().equalsIgnoreCase("USDC"))
			.findFirst()
			.orElseThrow()
			.token();
		List<DevnetPoolVault> usdc = pools.stream().filter((p) -> p.token().equalsIgnoreCase(token)).toList();
		assertThat(usdc).as("the devnet's USDC pools").hasSizeGreaterThanOrEqualTo(3);
		PoolId first = usdc.get(0).pool();

		Vault idle = FarmerVaults.create(this.context, "lens-idle", first, 1_000).vault();

		FarmerVaults.Farmer spread = FarmerVaults.create(this.context, "lens-spread", first, 5_000);
		YieldVault spreadAsOwner = asOwner(spread);
		spreadAsOwner.allowTarget(usdc.get(1).vault()).send();
		spreadAsOwner.allowTarget(usdc.get(2).vault()).send();
		deposit(spread.vault(), usdc.get(0).vault(), 1_000);
		deposit(spread.vault(), usdc.get(1).vault(), 700);
		deposit(spread.vault(), usdc.get(2).vault(), 300);
		// the shares stay the vault's, but the target is off the allowlist
		spreadAsOwner.removeTarget(usdc.get(2).vault()).send();

		FarmerVaults.Farmer paused = FarmerVaults.create(this.context, "lens-paused", first, 2_000);
		deposit(paused.vault(), usdc.get(0).vault(), 500);
		YieldVault pausedAsOwner = asOwner(paused);
		pausedAsOwner.pause().send();
		pausedAsOwner.transferOwnership(idle.ownerAddress()).send();

		Web3j web3j = this.chain.web3j();
		// the lens and the views one by one must read the same state
		long block = settledBlock();
		List<Vault> vaults = List.of(idle, spread.vault(), paused.vault());
		List<VaultChainReader.Snapshot> lens = VaultLensReads.read(web3j, block, vaults);

		for (int i = 0; i < vaults.size(); i++) {
			assertThat(lens.get(i)).as(vaults.get(i).address())
				.isEqualTo(VaultViews.callByCall(web3j, vaults.get(i), block));
		}
		assertThat(lens.get(0).holdings().positions()).singleElement()
			.satisfies((held) -> assertThat(held.shares()).isZero());
		assertThat(lens.get(0).holdings().idle()).isEqualTo(USDC.multiply(BigInteger.valueOf(1_000)));
		assertThat(lens.get(1).state().allowlist()).hasSize(2).doesNotContain(usdc.get(2).vault().toLowerCase());
		assertThat(lens.get(1).holdings().positions()).extracting(VaultChainReader.Held::shares)
			.allSatisfy((shares) -> assertThat(shares).isPositive());
		assertThat(lens.get(1).holdings().idle()).isEqualTo(USDC.multiply(BigInteger.valueOf(3_000)));
		assertThat(lens.get(2).state().paused()).isTrue();
		assertThat(lens.get(2).state().pendingOwner()).isEqualToIgnoringCase(idle.ownerAddress());
		assertThat(lens).allSatisfy((s) -> assertThat(s.state().block()).isEqualTo(block));

		// more vaults than one call takes are read in chunks of one batch, in order
		List<Vault> many = java.util.stream.IntStream.range(0, VaultLensReads.CHUNK * 2 + 1)
			.mapToObj((k) -> vaults.get(k % vaults.size()))
			.toList();
		List<VaultChainReader.Snapshot> chunked = VaultLensReads.read(web3j, block, many);
		for (int k = 0; k < many.size(); k++) {
			assertThat(chunked.get(k)).isEqualTo(lens.get(k % vaults.size()));
		}
	}

	@Test
	void anAddressThatIsNoVaultFailsTheReadWithTheBlockItWasReadAt() throws Exception {
		Web3j web3j = this.chain.web3j();
		long block = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
		Vault notAVault = new Vault(com.yieldpilot.vault.VaultId.random(), com.yieldpilot.identity.UserId.random(),
				this.chain.chainId(), "0x00000000000000000000000000000000000000aa",
				"0x00000000000000000000000000000000000000bb", "0x00000000000000000000000000000000000000cc", "USDC", 6,
				Instant.now());
		assertThatThrownBy(() -> VaultLensReads.read(web3j, block, List.of(notAVault)))
			.hasMessageContaining("vault lens failed at block " + block);
	}

	private long settledBlock() {
		try (Devnet chain = Devnet.attach(this.chain)) {
			return chain.settledBlock();
		}
	}

	private YieldVault asOwner(FarmerVaults.Farmer farmer) throws Exception {
		return YieldVault.load(farmer.vault().address(), this.chain.web3j(), manager(farmer.wallet()), gas());
	}

	private void deposit(Vault vault, String target, long usdc) throws Exception {
		byte[] id = new byte[32];
		new SecureRandom().nextBytes(id);
		YieldVault.load(vault.address(), this.chain.web3j(), manager(DevAccounts.executor()), gas())
			.executeDeposit(id, target, USDC.multiply(BigInteger.valueOf(usdc)), BigInteger.ONE,
					BigInteger.valueOf(Instant.now().getEpochSecond() + 3_600))
			.send();
	}

	private RawTransactionManager manager(Credentials credentials) {
		return new RawTransactionManager(this.chain.web3j(), credentials, this.chain.chainId(),
				new PollingTransactionReceiptProcessor(this.chain.web3j(), 50, 200));
	}

	private StaticGasProvider gas() throws Exception {
		return new StaticGasProvider(this.chain.web3j().ethGasPrice().send().getGasPrice(),
				BigInteger.valueOf(6_000_000));
	}

}
