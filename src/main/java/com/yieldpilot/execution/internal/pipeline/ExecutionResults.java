package com.yieldpilot.execution.internal.pipeline;

import java.util.Optional;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionResult;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.Vaults;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What a confirmed execution left in the vault: its idle balance and positions, read on
 * chain as the execution becomes final and stored with the confirmation. A failed read
 * loses nothing but this record: the execution stays confirmed and the vault's page reads
 * the positions anyway.
 */
@Component
class ExecutionResults {

	private static final Logger log = LoggerFactory.getLogger(ExecutionResults.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Vaults vaults;

	ExecutionResults(Vaults vaults) {
		this.vaults = vaults;
	}

	/**
	 * Reads the vault of an execution that is being confirmed, as JSON to store with the
	 * confirmation.
	 * @return empty when the vault cannot be read now (the execution is confirmed anyway)
	 */
	Optional<String> read(ExecutionRecord row) {
		ExecutionId id = new ExecutionId(row.getId());
		try {
			Optional<Vault> vault = this.vaults.vaults(row.getOwnerId())
				.stream()
				.filter((v) -> row.getChainId() != null && v.chainId() == row.getChainId()
						&& v.address().equalsIgnoreCase(row.getVaultAddress()))
				.findFirst();
			if (vault.isEmpty()) {
				log.warn("Execution {}: its vault {} is no longer the farmer's; its result is not recorded", id,
						row.getVaultAddress());
				return Optional.empty();
			}
			return Optional.of(JSON.writeValueAsString(of(this.vaults.portfolio(vault.get()))));
		}
		catch (RuntimeException ex) {
			log.warn("Execution {} is confirmed, but reading the vault's positions after it failed: {}", id,
					ex.getMessage());
			return Optional.empty();
		}
	}

	static ExecutionResult of(Portfolio portfolio) {
		return new ExecutionResult(portfolio.block(), portfolio.assetSymbol(), portfolio.idle(),
				portfolio.positions()
					.stream()
					.map((p) -> new ExecutionResult.Holding(p.target(), (p.pool() != null) ? p.pool().toString() : null,
							p.shares(), p.assets()))
					.toList());
	}

	static @Nullable ExecutionResult parse(@Nullable String json) {
		if (json == null) {
			return null;
		}
		try {
			return JSON.readValue(json, ExecutionResult.class);
		}
		catch (JacksonException ex) {
			log.warn("An execution's stored result cannot be read ({}); it is shown without it", ex.getMessage());
			return null;
		}
	}

}
