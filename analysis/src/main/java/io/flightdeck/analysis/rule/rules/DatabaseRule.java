package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.rule.Category;
import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.ViewKey;
import io.flightdeck.analysis.rule.Findings;
import io.flightdeck.analysis.rule.RuleInfo;
import io.flightdeck.analysis.rule.RuleBase;
import io.flightdeck.analysis.rule.RuleContext;
import io.flightdeck.analysis.rule.Scores;
import io.flightdeck.model.SampleKind;
import io.flightdeck.model.SampleSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Time waiting for a database: socket I/O under a JDBC driver or a database client, recognised by their frames;
 * and many short round trips from one call site — the N+1 pattern (a query per item of a list).
 */
public final class DatabaseRule extends RuleBase {
    static final double MIN_SHARE = 0.05;
    /** Round trips per second from one site, each short, that make the N+1 pattern. */
    static final double N_PLUS_ONE_RATE = 50;

    private static final Predicate<String> DATABASE = n -> n.startsWith("java.sql.") || n.startsWith("javax.sql.")
            || n.startsWith("org.postgresql.") || n.startsWith("com.mysql.") || n.startsWith("oracle.jdbc.")
            || n.startsWith("com.microsoft.sqlserver.") || n.startsWith("org.mariadb.") || n.startsWith("org.h2.")
            || n.startsWith("org.hsqldb.") || n.startsWith("org.apache.derby.") || n.startsWith("org.sqlite.")
            || n.startsWith("com.ibm.db2.") || n.startsWith("net.sourceforge.jtds.") || n.startsWith("com.zaxxer.hikari.")
            || n.startsWith("org.hibernate.") || n.startsWith("org.jooq.") || n.startsWith("org.mybatis.")
            || n.startsWith("org.springframework.jdbc.") || n.startsWith("com.mongodb.") || n.startsWith("org.mongodb.")
            || n.startsWith("com.datastax.") || n.startsWith("redis.clients.") || n.startsWith("io.lettuce.")
            || n.startsWith("org.neo4j.driver.") || n.startsWith("io.r2dbc.") || n.startsWith("com.couchbase.");

    static boolean isDatabase(RuleContext ctx, int stack) {
        return ctx.stackHas(stack, DATABASE, 64);
    }

    public DatabaseRule() {
        super(new RuleInfo("database.round-trips",
                "Threads wait for the database",
                Category.DATABASE,
                List.of(EventTypes.SOCKET_READ, EventTypes.SOCKET_WRITE),
                "enable jdk.SocketRead and jdk.SocketWrite with stack traces; lower their threshold (e.g. 1 ms) to see "
                + "short queries"));
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        SampleSet read = ctx.profile().samples(SampleKind.SOCKET_READ);
        SampleSet write = ctx.profile().samples(SampleKind.SOCKET_WRITE);
        Map<Integer, Boolean> dbRead = new HashMap<>();
        Map<Integer, Boolean> dbWrite = new HashMap<>();
        RuleContext.Tally r = ctx.tally(SampleKind.SOCKET_READ, i -> dbRead.computeIfAbsent(read.stack(i),
                s -> isDatabase(ctx, s)));
        RuleContext.Tally w = ctx.tally(SampleKind.SOCKET_WRITE, i -> dbWrite.computeIfAbsent(write.stack(i),
                s -> isDatabase(ctx, s)));
        long count = r.count() + w.count();
        if (count == 0) {
            return Optional.empty();
        }
        java.util.Set<Integer> threads = new java.util.HashSet<>(r.threads());
        threads.addAll(w.threads());
        double seconds = r.seconds() + w.seconds();
        double share = seconds / (threads.size() * Math.max(1e-9, ctx.seconds()));
        int site = r.topCulprit(0) >= 0 ? r.topCulprit(0) : w.topCulprit(0);
        long siteTrips = r.culpritValue(site, 0);
        double siteRate = siteTrips / Math.max(1e-9, ctx.seconds());
        double siteAvgMs = siteTrips == 0 ? 0 : r.culpritValue(site, 1) / 1e6 / siteTrips;
        boolean nPlusOne = siteRate >= N_PLUS_ONE_RATE && siteAvgMs < 5;
        if (share < MIN_SHARE && !nPlusOne) {
            return Optional.empty();
        }
        double score = Math.max(Scores.share(share), nPlusOne ? Scores.logScale(siteRate, N_PLUS_ONE_RATE, 50, 15) : 0);
        Findings f = Findings.of(this).score(score).culprit(ctx.culpritOf(site)).view(ViewKey.IO)
                .title(nPlusOne ? "Many short database round trips from " + Text.simple(ctx.methodName(site)) + " (N+1)"
                        : threads.size() + " threads wait for the database")
                .summary(threads.size() + " threads spent " + Text.seconds(seconds) + " (" + Text.percent(100 * share)
                        + " of their time) in " + count + " database round trips"
                        + (site >= 0 ? "; " + ctx.methodName(site) + " made " + siteTrips + " of them ("
                        + Text.rate(siteRate) + ", " + String.format(java.util.Locale.ROOT, "%.1f", siteAvgMs)
                        + " ms each)" : "") + ".")
                .explanation("Socket calls under a JDBC driver or database client are time spent waiting for the "
                        + "database. Many short calls from one place point at a query per item (N+1) rather than one "
                        + "query for all items.")
                .evidence("dbSeconds", seconds).evidence("roundTrips", count).evidence("threads", threads.size())
                .evidence("sharePercent", 100 * share).evidence("topSiteRoundTripsPerSecond", siteRate)
                .evidence("topSiteAverageMillis", siteAvgMs).evidence("nPlusOne", nPlusOne)
                .evidence("topSite", site >= 0 ? ctx.methodName(site) : null)
                .stacks(ctx.topStacks(SampleKind.SOCKET_READ, i -> dbRead.getOrDefault(read.stack(i), false), 1, 3))
                .recommendation(nPlusOne
                        ? "Fetch the rows in one query (a join or WHERE id IN (...), JPA 'join fetch' or an entity "
                        + "graph, batch fetching) instead of one query per item; batch inserts and updates."
                        : "Find the slow statements (database slow-query log, EXPLAIN), add the missing indexes, fetch "
                        + "only the columns and rows needed, and cache results that rarely change.");
        return Optional.of(f.build());
    }
}
