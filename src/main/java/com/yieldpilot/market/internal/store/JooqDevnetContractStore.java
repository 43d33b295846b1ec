package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import com.yieldpilot.market.internal.db.tables.records.DevnetContractRecord;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep4;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.market.internal.db.Tables.DEVNET_CONTRACT;

@Repository
class JooqDevnetContractStore implements DevnetContractStore {

	private final DSLContext dsl;

	JooqDevnetContractStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Map<String, String> addresses(long chainId) {
		return new TreeMap<>(this.dsl.select(DEVNET_CONTRACT.NAME, DEVNET_CONTRACT.ADDRESS)
			.from(DEVNET_CONTRACT)
			.where(DEVNET_CONTRACT.CHAIN_ID.eq(chainId))
			.fetchMap(DEVNET_CONTRACT.NAME, DEVNET_CONTRACT.ADDRESS));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void replace(long chainId, Map<String, String> addresses, Instant deployedAt) {
		this.dsl.deleteFrom(DEVNET_CONTRACT).where(DEVNET_CONTRACT.CHAIN_ID.eq(chainId)).execute();
		if (addresses.isEmpty()) {
			return;
		}
		OffsetDateTime at = deployedAt.atOffset(ZoneOffset.UTC);
		InsertValuesStep4<DevnetContractRecord, Long, String, String, OffsetDateTime> insert = this.dsl.insertInto(
				DEVNET_CONTRACT, DEVNET_CONTRACT.CHAIN_ID, DEVNET_CONTRACT.NAME, DEVNET_CONTRACT.ADDRESS,
				DEVNET_CONTRACT.DEPLOYED_AT);
		for (Map.Entry<String, String> contract : addresses.entrySet()) {
			insert = insert.values(chainId, contract.getKey(), contract.getValue(), at);
		}
		insert.execute();
	}

}
