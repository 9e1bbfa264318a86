package io.flightdeck.analysis.rule.rules;

import io.flightdeck.model.EventTypes;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.report.AnalysisReport;
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
 * An application method where most of the CPU time goes. Every busy program has a hottest method, so the rule is
 * sure (warning and above) only when it also recognises a costly pattern in what that method calls: a linear
 * search through a list, a regular expression compiled on every call, a string built by repeated concatenation,
 * reflection, formatting or logging. Without one it reports where the CPU goes, as information.
 */
public final class CpuHotspotRule extends RuleBase {
    /** Fewer samples than this say nothing reliable about where the time goes. */
    static final int MIN_SAMPLES = 20;
    /** The part of a method's samples a pattern must explain to be named. */
    static final double PATTERN_SHARE = 0.10;
    /** How much of a hot method without a recognised pattern counts. */
    static final double UNSURE = 0.45;

    /** Costly patterns, recognised by the JDK or library frames the hot method calls. */
    enum Pattern {
        LINEAR_SEARCH("linear search through a list",
                "Look elements up in a HashSet/HashMap (or keep the list sorted and binary-search it) instead of "
                        + "List.contains/indexOf/remove(Object) inside a loop, which makes the loop quadratic.",
                n -> n.startsWith("java.util.ArrayList.indexOf") || n.startsWith("java.util.ArrayList.lastIndexOf")
                        || n.equals("java.util.ArrayList.contains") || n.equals("java.util.ArrayList.remove")
                        || n.startsWith("java.util.LinkedList.indexOf") || n.equals("java.util.LinkedList.node")
                        || n.equals("java.util.LinkedList.contains") || n.startsWith("java.util.Vector.indexOf")
                        || n.startsWith("java.util.Arrays$ArrayList.indexOf")
                        || n.equals("java.util.AbstractCollection.contains")
                        || n.startsWith("java.util.AbstractList.indexOf")
                        || n.startsWith("java.util.concurrent.CopyOnWriteArrayList.indexOf")
                        || n.equals("java.util.ArrayDeque.contains")),
        REGEX_COMPILE("a regular expression compiled on every call",
                "Compile the Pattern once (a static final field) and reuse it; String.matches, replaceAll and "
                        + "split with a regex compile a new Pattern each time.",
                n -> n.equals("java.util.regex.Pattern.compile") || n.equals("java.util.regex.Pattern.<init>")),
        STRING_CONCAT("a string built by repeated concatenation",
                "Build the string once with one StringBuilder (sized up front) or String.join/Collectors.joining; "
                        + "'s = s + x' in a loop copies the whole string every time.",
                n -> n.equals("java.lang.StringConcatHelper.simpleConcat") || n.equals("java.lang.String.concat")
                        || n.equals("java.lang.AbstractStringBuilder.ensureCapacityInternal")
                        || n.equals("java.lang.AbstractStringBuilder.newCapacity")),
        REFLECTION("reflective lookups",
                "Look the Method/Field/Class up once and cache it, or use a MethodHandle or generated code; "
                        + "Class.forName, getMethod and the Introspector on every call are slow.",
                n -> n.equals("java.lang.Class.forName") || n.startsWith("java.lang.Class.getMethod")
                        || n.startsWith("java.lang.Class.getDeclaredMethod")
                        || n.startsWith("java.lang.Class.getDeclaredField") || n.startsWith("java.lang.Class.getField")
                        || n.startsWith("java.lang.Class.privateGetDeclared") || n.startsWith("java.beans.Introspector.")),
        COSTLY_OBJECT("a costly object built on every call",
                "Create it once and reuse it (a field, or one per thread where it is not thread-safe): JSON mappers, "
                        + "JAXB contexts, XML factories, formatters, digests, ciphers, compiled patterns and HTTP "
                        + "clients are expensive to build and cheap to reuse.",
                CpuHotspotRule::isCostlyConstruction),
        EXPENSIVE_HASHING("password hashing or key derivation repeated on every call",
                "Hash once per credential and cache the outcome for the session or token (a verified-credentials "
                        + "cache keyed by a fast hash of the input, with an expiry); these functions are slow on "
                        + "purpose, so calling them per request makes every request slow.",
                n -> n.startsWith("org.mindrot.jbcrypt.") || n.startsWith("at.favre.lib.crypto.bcrypt.")
                        || n.startsWith("org.springframework.security.crypto.bcrypt.")
                        || n.startsWith("org.springframework.security.crypto.scrypt.")
                        || n.startsWith("org.springframework.security.crypto.argon2.")
                        || n.startsWith("org.bouncycastle.crypto.generators.BCrypt")
                        || n.startsWith("org.bouncycastle.crypto.generators.SCrypt")
                        || n.startsWith("org.bouncycastle.crypto.generators.Argon2")
                        || n.startsWith("com.password4j.") || n.startsWith("de.mkammerer.argon2.")
                        || n.startsWith("com.lambdaworks.crypto.SCrypt")
                        || n.startsWith("com.sun.crypto.provider.PBKDF2") || n.startsWith("javax.crypto.SecretKeyFactory.generateSecret")),
        EMBEDDED_DATABASE("rows scanned inside an embedded database",
                "Look at the statement's plan (EXPLAIN) and add an index on the columns of its WHERE and JOIN "
                        + "clauses; a query that scans the whole table on every call is a missing index, not a "
                        + "CPU problem of the application.",
                n -> n.startsWith("org.h2.index.") || n.startsWith("org.h2.table.") || n.startsWith("org.h2.command.query.")
                        || n.startsWith("org.h2.expression.") || n.startsWith("org.h2.mvstore.")
                        || n.startsWith("org.hsqldb.index.") || n.startsWith("org.hsqldb.navigator.")
                        || n.startsWith("org.hsqldb.RangeVariable") || n.startsWith("org.hsqldb.QuerySpecification")
                        || n.startsWith("org.hsqldb.persist.")
                        || n.startsWith("org.apache.derby.impl.store.") || n.startsWith("org.apache.derby.impl.sql.execute.")
                        || n.startsWith("org.sqlite.core.")),
        REPEATED_PARSING("parsing the same input again on every call",
                "Parse once and keep the result (a map built at load time, or a cache keyed by the input); "
                        + "re-reading and re-parsing a file or document per lookup repeats the same work.",
                n -> n.startsWith("org.apache.commons.csv.") || n.startsWith("com.opencsv.")
                        || n.startsWith("com.univocity.parsers.") || n.startsWith("org.yaml.snakeyaml.")
                        || n.startsWith("com.sun.org.apache.xerces.internal.parsers.")
                        || n.startsWith("com.fasterxml.jackson.core.json.ReaderBasedJsonParser")
                        || n.startsWith("com.fasterxml.jackson.core.json.UTF8StreamJsonParser")
                        || n.startsWith("com.google.gson.stream.JsonReader")
                        || n.startsWith("java.util.Properties.load")),
        FORMATTING("formatting and logging",
                "Avoid String.format/MessageFormat in hot paths (concatenate or use a StringBuilder), reuse "
                        + "formatters (DateTimeFormatter is thread-safe), and guard or parameterise debug logging.",
                n -> n.startsWith("java.util.Formatter.") || n.equals("java.lang.String.format")
                        || n.startsWith("java.text.MessageFormat.") || n.startsWith("java.text.SimpleDateFormat.")
                        || n.startsWith("java.text.DecimalFormat.") || n.startsWith("java.util.logging.Logger.log")
                        || n.startsWith("org.apache.logging.log4j.") || n.startsWith("ch.qos.logback.")
                        || n.startsWith("org.slf4j."));

        final String words;
        final String fix;
        final Predicate<String> frame;

        Pattern(String words, String fix, Predicate<String> frame) {
            this.words = words;
            this.fix = fix;
            this.frame = frame;
        }
    }

    public CpuHotspotRule() {
        super(new RuleInfo("cpu-hotspot.method",
                "An application method takes most of the CPU",
                Category.CPU_HOTSPOT,
                List.of(EventTypes.EXECUTION_SAMPLE),
                "record with JFR's 'profile' or 'default' settings (jdk.ExecutionSample enabled)"));
    }

    @Override
    public Optional<Finding> evaluate(RuleContext ctx) {
        SampleSet cpu = ctx.profile().samples(SampleKind.CPU);
        Map<Integer, Boolean> exceptionStacks = new HashMap<>();
        RuleContext.Tally all = ctx.tally(SampleKind.CPU, i -> !exceptionStacks.computeIfAbsent(cpu.stack(i),
                s -> ctx.stackHas(s, ExceptionRule::isThrowableConstruction, 16)));
        if (all.count() < MIN_SAMPLES) {
            return Optional.empty();
        }
        int method = all.topCulprit(0);
        if (method < 0) {
            return Optional.empty();
        }
        long methodSamples = all.culpritValue(method, 0);
        double share = methodSamples / (double) all.count();
        // what the hot method calls: count its samples per recognised pattern
        Map<Integer, Integer> culpritOf = new HashMap<>();
        int[] perPattern = new int[Pattern.values().length];
        for (int i = 0; i < cpu.size(); i++) {
            int stack = cpu.stack(i);
            if (!ctx.selection().includes(cpu, i) || RuleContext.isInternalThread(ctx.threadName(cpu.thread(i)))
                    || culpritOf.computeIfAbsent(stack, ctx::culprit) != method) {
                continue;
            }
            for (Pattern p : Pattern.values()) {
                if (calls(ctx, stack, p.frame)) {
                    perPattern[p.ordinal()]++;
                }
            }
        }
        Pattern pattern = null;
        for (Pattern p : Pattern.values()) {
            if (perPattern[p.ordinal()] >= PATTERN_SHARE * methodSamples
                    && (pattern == null || perPattern[p.ordinal()] > perPattern[pattern.ordinal()])) {
                pattern = p;
            }
        }
        double busy = cpuBusyFactor(ctx, all.count());
        double score = Scores.share(share) * busy * (pattern == null ? UNSURE : 1.0);
        if (score < 10) {
            return Optional.empty(); // the application is not limited by its CPU
        }
        String name = ctx.methodName(method);
        AnalysisReport.Cpu c = ctx.report().cpu();
        Findings f = Findings.of(this).score(score).culprit(ctx.culpritOf(method)).view(ViewKey.CPU)
                .evidence("methodSamples", methodSamples).evidence("samples", all.count())
                .evidence("sharePercent", 100 * share)
                .evidence("jvmCpuPercentAvg", c.jvmUserPercentAvg() + c.jvmSystemPercentAvg())
                .evidence("pattern", pattern == null ? null : pattern.name().toLowerCase(java.util.Locale.ROOT))
                .evidence("patternSharePercent", pattern == null ? null
                        : 100.0 * perPattern[pattern.ordinal()] / methodSamples)
                .stacks(ctx.topStacks(SampleKind.CPU, i -> culpritOf.getOrDefault(cpu.stack(i), -2) == method, 0, 3));
        if (pattern != null) {
            f.title(Text.simple(name) + " spends the CPU on " + pattern.words)
                    .summary(Format.percent(100 * share) + " of the CPU samples are in " + name + " (or what it calls); "
                            + Format.percent(100.0 * perPattern[pattern.ordinal()] / methodSamples) + " of those are "
                            + pattern.words + ".")
                    .recommendation(pattern.fix);
        } else {
            f.title(Text.simple(name) + " takes most of the CPU")
                    .summary(Format.percent(100 * share) + " of the CPU samples are in " + name + " or what it calls; "
                            + "no costly pattern was recognised in them.")
                    .recommendation("Open the flame graph at " + Text.simple(name) + " to see what it spends the time "
                            + "on; make the work cheaper (a better algorithm or data structure, caching) or do less of it.");
        }
        f.explanation("Samples are attributed to the first application frame of each stack, so time spent in JDK or "
                + "library code counts for the application method that called it. The score is that method's share "
                + "of the CPU samples, weighed by how busy the JVM's threads are on the CPU rather than blocked"
                + (pattern == null ? ", and lowered because every busy program has a hottest method." : "."));
        return Optional.of(f.build());
    }

    /**
     * Whether what the stack's application frame calls (the frames above it; the top 12 when the stack has no
     * application frame) includes one the test accepts.
     */
    static boolean calls(RuleContext ctx, int stack, Predicate<String> frame) {
        if (stack < 0) {
            return false;
        }
        var stacks = ctx.profile().stacks();
        int depth = stacks.depth(stack);
        for (int i = 0; i < depth; i++) {
            int method = ctx.profile().frames().method(stacks.frame(stack, i));
            if (ctx.classifier().kind(method) == io.flightdeck.analysis.FrameKind.APPLICATION) {
                return false;
            }
            if (frame.test(ctx.profile().methods().qualifiedName(method))) {
                return true;
            }
            if (i >= 12 && ctx.applicationFrame(stack) < 0) {
                return false;
            }
        }
        return false;
    }

    /** Constructors and factories of objects that are expensive to build and meant to be reused. */
    static boolean isCostlyConstruction(String n) {
        return n.equals("com.fasterxml.jackson.databind.ObjectMapper.<init>")
                || n.startsWith("com.fasterxml.jackson.databind.introspect.")
                || n.startsWith("com.fasterxml.jackson.databind.ser.BeanSerializerFactory")
                || n.startsWith("com.fasterxml.jackson.databind.deser.BeanDeserializerFactory")
                || n.startsWith("com.fasterxml.jackson.databind.ser.BasicSerializerFactory")
                || n.startsWith("com.fasterxml.jackson.databind.cfg.MapperBuilder")
                || n.equals("com.google.gson.Gson.<init>")
                || n.startsWith("javax.xml.bind.JAXBContext.newInstance") || n.startsWith("jakarta.xml.bind.JAXBContext.newInstance")
                || n.startsWith("com.sun.xml.bind.v2.ContextFactory") || n.startsWith("org.glassfish.jaxb.runtime.v2.ContextFactory")
                || n.startsWith("javax.xml.parsers.DocumentBuilderFactory.newInstance")
                || n.startsWith("javax.xml.parsers.SAXParserFactory.newInstance")
                || n.startsWith("javax.xml.transform.TransformerFactory.newInstance")
                || n.startsWith("javax.xml.xpath.XPathFactory.newInstance")
                || n.startsWith("javax.xml.validation.SchemaFactory.newInstance")
                || n.startsWith("java.security.MessageDigest.getInstance") || n.startsWith("javax.crypto.Cipher.getInstance")
                || n.startsWith("javax.crypto.Mac.getInstance") || n.startsWith("java.security.KeyFactory.getInstance")
                || n.startsWith("java.security.Signature.getInstance") || n.equals("java.security.SecureRandom.<init>")
                || n.startsWith("java.time.format.DateTimeFormatter.ofPattern")
                || n.startsWith("java.time.format.DateTimeFormatterBuilder.toFormatter")
                || n.equals("java.text.SimpleDateFormat.<init>") || n.equals("java.text.DecimalFormat.<init>")
                || n.startsWith("java.net.http.HttpClient.newHttpClient") || n.startsWith("jdk.internal.net.http.HttpClientImpl.<init>")
                || n.startsWith("javax.script.ScriptEngineManager.") || n.startsWith("javax.net.ssl.SSLContext.getInstance")
                || n.startsWith("javax.validation.Validation.buildDefaultValidatorFactory")
                || n.startsWith("jakarta.validation.Validation.buildDefaultValidatorFactory");
    }

    /**
     * How much CPU is the application's limit: the CPU time its threads used against the time they spent blocked on
     * locks, I/O and pools. A method hot in an application that mostly waits is not the bottleneck.
     */
    static double cpuBusyFactor(RuleContext ctx, long samples) {
        double cpuSeconds = samples * ctx.cpuSampleSeconds();
        double stalled = ctx.tally(SampleKind.MONITOR_ENTER, i -> true).seconds()
                + ctx.tally(SampleKind.SOCKET_READ, i -> true).seconds()
                + ctx.tally(SampleKind.SOCKET_WRITE, i -> true).seconds()
                + ctx.tally(SampleKind.FILE_READ, i -> true).seconds()
                + ctx.tally(SampleKind.FILE_WRITE, i -> true).seconds()
                + ThreadPoolStarvationRule.waiting(ctx).seconds();
        double ratio = cpuSeconds / Math.max(1e-9, cpuSeconds + stalled);
        return Math.min(1, 1.5 * ratio);
    }
}
