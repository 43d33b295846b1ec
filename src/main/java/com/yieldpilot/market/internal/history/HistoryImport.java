package com.yieldpilot.market.internal.history;

import java.io.InputStream;
import java.util.Locale;

import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.market.HistoryImportReport;
import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.market.UnknownPoolException;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a history file into one registered pool, all or nothing: a file with any row in
 * error stores nothing and says which rows to fix; otherwise every accepted row is stored
 * in one transaction, together with its audit entry. Unsecured: the command line calls it
 * directly, screens through {@link com.yieldpilot.market.MarketHistory}.
 */
@Service
public class HistoryImport {

	private final PoolRegistry registry;

	private final MetricCatalog catalog;

	private final HistoryFileReader reader;

	private final HistoryWriter writer;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	HistoryImport(PoolRegistry registry, MetricCatalog catalog, HistoryFileReader reader, HistoryWriter writer,
			AuditLog auditLog, TransactionTemplate transactions) {
		this.registry = registry;
		this.catalog = catalog;
		this.reader = reader;
		this.writer = writer;
		this.auditLog = auditLog;
		this.transactions = transactions;
	}

	/**
	 * Reads the file and, when it has no errors, stores it.
	 * @param pool the pool's id as the user typed it
	 * @param fileName the file's name, which also tells CSV from JSON
	 * @param actor who imports, for the audit log; null for the command line
	 * @throws UnknownPoolException when no registered pool has that id
	 */
	public HistoryImportReport importFile(String pool, String fileName, InputStream content, @Nullable UserId actor) {
		PoolId id = PoolId.tryParse(pool)
			.filter(p -> this.registry.find(p).isPresent())
			.orElseThrow(() -> new UnknownPoolException(pool, this.catalog.suggestions(pool, 3)));
		ParsedHistory parsed = this.reader.read(fileName, content);
		if (parsed.hasErrors()) {
			return report(id, fileName, parsed, false, 0, 0);
		}
		HistoryWriter.Written written = this.transactions.execute(status -> {
			HistoryWriter.Written w = this.writer.write(id, parsed.rows());
			this.auditLog.record(actor, "market.history.imported", id.toString(), String.format(Locale.ROOT,
					"%s: %d rows, %d new values", HistoryRows.echo(fileName), parsed.rows().size(), w.stored()));
			return w;
		});
		return report(id, fileName, parsed, true, written.stored(), written.values() - written.stored());
	}

	private static HistoryImportReport report(PoolId pool, String fileName, ParsedHistory parsed, boolean imported,
			int stored, int alreadyStored) {
		var times = parsed.rows().stream().map(HistoryRow::at).sorted().toList();
		return new HistoryImportReport(pool, fileName, parsed.format(), imported, parsed.rowsRead(),
				parsed.rows().size(), stored, alreadyStored, parsed.skipped(), parsed.skippedCount(), parsed.errors(),
				parsed.errorCount(), times.isEmpty() ? null : times.get(0),
				times.isEmpty() ? null : times.get(times.size() - 1));
	}

}
