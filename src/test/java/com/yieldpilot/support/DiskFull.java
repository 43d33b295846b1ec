package com.yieldpilot.support;

import org.jooq.DSLContext;

/**
 * Makes PostgreSQL refuse inserts into a table, for the rows a condition picks, with the
 * error a full volume gives: SQLSTATE 53100 ({@code disk_full}), "could not extend file
 * …: No space left on device". A trigger, so the rest of the database (and the other
 * tests' rows) work on.
 */
public final class DiskFull {

	private DiskFull() {
	}

	/**
	 * From now on, an insert into {@code table} of a row matching {@code when} (an SQL
	 * condition over the row as {@code new}, e.g. {@code new.owner_id = '…'}; it may
	 * query other tables) fails as on a full disk.
	 */
	public static void on(DSLContext dsl, String table, String when) {
		dsl.execute("create or replace function test_disk_full() returns trigger language plpgsql as $$ begin " + "if "
				+ when + " then raise exception using errcode = 'disk_full', "
				+ "message = 'could not extend file \"base/16384/' || tg_relid || '\": No space left on device', "
				+ "hint = 'Check free disk space.'; end if; return new; end $$");
		dsl.execute("create trigger test_disk_full before insert on " + table
				+ " for each row execute function test_disk_full()");
	}

	/** There is space again. */
	public static void off(DSLContext dsl, String table) {
		dsl.execute("drop trigger if exists test_disk_full on " + table);
	}

}
