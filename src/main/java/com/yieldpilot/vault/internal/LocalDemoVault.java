package com.yieldpilot.vault.internal;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.chain.ContractCode;
import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.MockStablecoin;
import com.yieldpilot.chain.contracts.VaultFactory;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.identity.LocalCredentialsFile;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.market.LocalDevnet.DevnetPoolVault;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local mode's demo vault: the demo farmer's wallet (a dev account) creates a vault
 * through the factory (deployed once per chain), funds it with 100,000 devnet USDC and
 * allowlists every simulated USDC pool, with local mode's executor key as its executor.
 * It runs in the background once the devnet is deployed, and again at every start: what
 * exists on chain is reused (the anvil state file keeps it), a vault the chain lost is
 * created again. The credentials file learns the local chain's URL and the vault's
 * address, and the node's health turns UP ({@link DemoVaultHealthIndicator}).
 */
@Component
@Profile("local")
@Order(10)
class LocalDemoVault implements ApplicationRunner {

	static final String FARMER = "farmer";

	static final BigInteger USDC = BigInteger.TEN.pow(6);

	static final BigInteger FUNDING = USDC.multiply(BigInteger.valueOf(100_000));

	static final BigInteger MAX_PER_EXECUTION = USDC.multiply(BigInteger.valueOf(50_000));

	static final BigInteger ALLOWANCE_PER_DAY = USDC.multiply(BigInteger.valueOf(200_000));

	private static final Logger log = LoggerFactory.getLogger(LocalDemoVault.class);

	private static final Duration DEVNET_WAIT = Duration.ofMinutes(3);

	private final ObjectProvider<LocalChain> chain;

	private final ObjectProvider<LocalDevnet> devnet;

	private final ObjectProvider<LocalCredentialsFile> credentials;

	private final UserAccounts accounts;

	private final VaultRepository repository;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final DemoVaultHealthIndicator health;

	LocalDemoVault(ObjectProvider<LocalChain> chain, ObjectProvider<LocalDevnet> devnet,
			ObjectProvider<LocalCredentialsFile> credentials, UserAccounts accounts, VaultRepository repository,
			TransactionTemplate transactions, Clock clock, DemoVaultHealthIndicator health) {
		this.chain = chain;
		this.devnet = devnet;
		this.credentials = credentials;
		this.accounts = accounts;
		this.repository = repository;
		this.transactions = transactions;
		this.clock = clock;
		this.health = health;
	}

	@Override
	public void run(ApplicationArguments args) {
		LocalChain local = this.chain.getIfAvailable();
		LocalDevnet market = this.devnet.getIfAvailable();
		Optional<UserAccount> farmer = this.accounts.findByUsername(FARMER);
		if (local == null || market == null || farmer.isEmpty()) {
			this.health.notNeeded();
			return;
		}
		Thread.ofPlatform().daemon().name("demo-vault").start(() -> {
			try {
				Vault vault = provision(local, market, farmer.get());
				note(local, vault);
				this.health.ready(vault.address());
			}
			catch (Exception ex) {
				log.warn("Local mode: the demo vault could not be set up: {}", ex.toString());
				this.health.failed((ex.getMessage() != null) ? ex.getMessage() : ex.toString());
			}
		});
	}

	Vault provision(LocalChain local, LocalDevnet market, UserAccount farmer) throws Exception {
		List<DevnetPoolVault> pools = market.pools(DEVNET_WAIT)
			.stream()
			.filter((p) -> p.stablecoin() && "USDC".equals(p.asset()))
			.toList();
		if (pools.isEmpty()) {
			throw new IllegalStateException("the devnet has no USDC pools");
		}
		Web3j web3j = local.web3j();
		String usdc = pools.getFirst().token();
		Optional<Vault> recorded = this.repository.byUserAndChain(farmer.id(), local.chainId());
		if (recorded.isPresent() && ContractCode.deployed(web3j, recorded.get().address())) {
			allowlist(web3j, local, recorded.get().address(), pools);
			return recorded.get();
		}
		recorded
			.ifPresent((lost) -> this.transactions.executeWithoutResult((status) -> this.repository.delete(lost.id())));

		VaultFactory factory = factory(web3j, local);
		Credentials wallet = DevAccounts.demoFarmer();
		VaultFactory asWallet = VaultFactory.load(factory.getContractAddress(), web3j, manager(web3j, local, wallet),
				gas(web3j));
		String address = factory.vaultOf(wallet.getAddress()).send();
		if (Addresses.isZero(address)) {
			asWallet.createVault(usdc, MAX_PER_EXECUTION, ALLOWANCE_PER_DAY, BigInteger.valueOf(86_400)).send();
			address = factory.vaultOf(wallet.getAddress()).send();
			market.mint(usdc, wallet.getAddress(), FUNDING);
			MockStablecoin.load(usdc, web3j, manager(web3j, local, wallet), gas(web3j))
				.approve(address, FUNDING)
				.send();
			yieldVault(web3j, local, address).fund(FUNDING).send();
			log.info("Local mode: created the demo farmer's vault {} with {} USDC", address, FUNDING.divide(USDC));
		}
		allowlist(web3j, local, address, pools);
		Vault vault = new Vault(VaultId.random(), farmer.id(), local.chainId(), address, wallet.getAddress(), usdc,
				"USDC", pools.getFirst().decimals(), this.clock.instant());
		this.transactions.executeWithoutResult((status) -> this.repository.insert(vault));
		return vault;
	}

	private void allowlist(Web3j web3j, LocalChain local, String address, List<DevnetPoolVault> pools)
			throws Exception {
		YieldVault vault = yieldVault(web3j, local, address);
		Set<String> allowed = new HashSet<>();
		for (Object target : vault.targets().send()) {
			allowed.add(target.toString().toLowerCase());
		}
		for (DevnetPoolVault pool : pools) {
			if (!allowed.contains(pool.vault().toLowerCase())) {
				vault.allowTarget(pool.vault()).send();
			}
		}
	}

	private VaultFactory factory(Web3j web3j, LocalChain local) throws Exception {
		Optional<String> recorded = this.repository.factory(local.chainId());
		ContractGasProvider gas = gas(web3j);
		if (recorded.isPresent() && ContractCode.deployed(web3j, recorded.get())) {
			return VaultFactory.load(recorded.get(), web3j, manager(web3j, local, DevAccounts.vaultFactoryOwner()),
					gas);
		}
		VaultFactory factory = VaultFactory
			.deploy(web3j, manager(web3j, local, DevAccounts.vaultFactoryOwner()), gas,
					DevAccounts.executor().getAddress())
			.send();
		this.transactions.executeWithoutResult((status) -> this.repository.recordFactory(local.chainId(),
				factory.getContractAddress(), this.clock.instant()));
		log.info("Local mode: deployed the vault factory at {}", factory.getContractAddress());
		return factory;
	}

	private void note(LocalChain local, Vault vault) {
		LocalCredentialsFile file = this.credentials.getIfAvailable();
		if (file == null) {
			return;
		}
		try {
			file.put("chain.rpc-url", local.rpcUrl());
			file.put("farmer.vault", vault.address());
			log.info("Local mode: the demo farmer's vault is {} on {}", vault.address(), local.rpcUrl());
		}
		catch (IllegalStateException ex) {
			log.warn("Local mode: cannot note the demo vault in the credentials file: {}", ex.getMessage());
		}
	}

	private YieldVault yieldVault(Web3j web3j, LocalChain local, String address) {
		return YieldVault.load(address, web3j, manager(web3j, local, DevAccounts.demoFarmer()), gas(web3j));
	}

	private static TransactionManager manager(Web3j web3j, LocalChain local, Credentials credentials) {
		return new RawTransactionManager(web3j, credentials, local.chainId(),
				new PollingTransactionReceiptProcessor(web3j, 50, 200));
	}

	/**
	 * The chain's own price, not a multiple of it: anvil suggests the tips recent blocks
	 * paid, so paying double ratchets every later quote up (the pipeline's cost check
	 * then saw 64 gwei on a chain whose base fee is under 1).
	 */
	private static ContractGasProvider gas(Web3j web3j) {
		try {
			return new StaticGasProvider(web3j.ethGasPrice().send().getGasPrice(), BigInteger.valueOf(6_000_000));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
