package com.yieldpilot.vault.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.MockStablecoin;
import com.yieldpilot.chain.contracts.VaultFactory;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.identity.ApiTokenRequest;
import com.yieldpilot.identity.NewUser;
import com.yieldpilot.identity.Role;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.internal.TokenIssuer;
import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.market.LocalDevnet.DevnetPoolVault;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultId;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.Transfer;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * A test fixture for local mode: another farmer with an API token and a vault of their
 * own, made on chain the way the demo farmer's is (the owner's wallet creates it through
 * the factory, so YieldPilot's executor key runs it), funded with USDC and allowlisting
 * one pool. One farmer's intents on the same funds go one at a time, so many intents at
 * once for one executor key take many farmers.
 */
public final class FarmerVaults {

	private static final BigInteger USDC = BigInteger.TEN.pow(6);

	private FarmerVaults() {
	}

	/** A farmer, their API token, their vault and the wallet that owns it. */
	public record Farmer(UserAccount account, String token, Vault vault, Credentials wallet) {
	}

	/**
	 * Creates the farmer, their wallet (funded with ETH from the factory owner's dev
	 * account) and their vault with {@code funding} USDC, allowlisting {@code pool}.
	 */
	public static Farmer create(ApplicationContext context, String username, PoolId pool, long funding)
			throws Exception {
		LocalChain local = context.getBean(LocalChain.class);
		LocalDevnet devnet = context.getBean(LocalDevnet.class);
		VaultRepository repository = context.getBean(VaultRepository.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		Web3j web3j = local.web3j();

		UserAccount account = context.getBean(UserAccounts.class)
			.bootstrap(new NewUser(username, UUID.randomUUID().toString(), Set.of(Role.FARMER)));
		String token = transactions.execute((status) -> context.getBean(TokenIssuer.class)
			.issue(account.id(), new ApiTokenRequest("test", null))
			.secret());

		DevnetPoolVault target = devnet.pools(Duration.ofMinutes(3))
			.stream()
			.filter((p) -> p.pool().equals(pool))
			.findFirst()
			.orElseThrow();
		// local mode deploys the factory with its owner's dev account, which funds the
		// wallets here: one sequence of transactions at a time
		await().atMost(Duration.ofMinutes(2)).until(() -> repository.factory(local.chainId()).isPresent());
		Credentials wallet = Credentials.create(Keys.createEcKeyPair());
		new Transfer(web3j, manager(local, DevAccounts.vaultFactoryOwner()))
			.sendFunds(wallet.getAddress(), BigDecimal.ONE, Convert.Unit.ETHER)
			.send();
		ContractGasProvider gas = new StaticGasProvider(web3j.ethGasPrice().send().getGasPrice(),
				BigInteger.valueOf(6_000_000));
		TransactionManager asWallet = manager(local, wallet);
		String factoryAddress = repository.factory(local.chainId()).orElseThrow();
		VaultFactory factory = VaultFactory.load(factoryAddress, web3j, asWallet, gas);
		BigInteger amount = USDC.multiply(BigInteger.valueOf(funding));
		factory.createVault(target.token(), amount, amount.multiply(BigInteger.TEN), BigInteger.valueOf(86_400)).send();
		String address = factory.vaultOf(wallet.getAddress()).send();
		devnet.mint(target.token(), wallet.getAddress(), amount);
		MockStablecoin.load(target.token(), web3j, asWallet, gas).approve(address, amount).send();
		YieldVault vault = YieldVault.load(address, web3j, asWallet, gas);
		vault.fund(amount).send();
		vault.allowTarget(target.vault()).send();

		Vault recorded = new Vault(VaultId.random(), account.id(), local.chainId(), address, wallet.getAddress(),
				target.token(), "USDC", target.decimals(), context.getBean(Clock.class).instant());
		transactions.executeWithoutResult((status) -> repository.insert(recorded));
		return new Farmer(account, token, recorded, wallet);
	}

	private static TransactionManager manager(LocalChain local, Credentials credentials) {
		return new RawTransactionManager(local.web3j(), credentials, local.chainId(),
				new PollingTransactionReceiptProcessor(local.web3j(), 50, 200));
	}

}
