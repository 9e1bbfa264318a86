package io.flightdeck.analysis;

import io.flightdeck.model.FrameTable;
import io.flightdeck.model.MethodTable;
import io.flightdeck.model.Profile;
import io.flightdeck.model.StackTable;

import java.util.List;

/**
 * Sorts methods into JDK, library and application code by package, and finds the frame a finding should name:
 * the application frame nearest the top of the stack, not the JDK frame the work ends in.
 * <p>
 * JDK packages are known. The application is the package family of its main class (from the recorded java
 * arguments, or the {@code main} method at the bottom of the main thread's stacks when the JVM was started with
 * {@code -jar} or a launcher): code in that family is the application and code outside it is library code,
 * whatever its package. Only when the recording does not say which the main class is, a list of well-known library
 * prefixes decides, and everything else counts as the application.
 * <p>
 * Lambda proxies and other hidden classes ({@code Foo$$Lambda/0x…}, classes named by an address) are runtime glue:
 * a finding names the method that defined the lambda, never the proxy.
 */
public final class FrameClassifier {
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.ietf.",
            "org.w3c.dom.", "org.xml.sax.", "org.jcp.xml.", "com.oracle.", "oracle.jrockit.", "jrockit.");
    private static final List<String> LIBRARIES = List.of("org.apache.", "org.springframework.", "com.fasterxml.",
            "io.netty.", "com.google.", "org.hibernate.", "io.micrometer.", "org.slf4j.", "ch.qos.logback.",
            "org.eclipse.", "io.undertow.", "reactor.", "io.reactivex.", "kotlin.", "kotlinx.", "scala.",
            "groovy.", "org.codehaus.", "org.junit.", "org.jboss.", "io.vertx.", "com.zaxxer.", "org.postgresql.",
            "com.mysql.", "oracle.jdbc.", "org.h2.", "org.hsqldb.", "org.jooq.", "io.grpc.", "com.squareup.",
            "okhttp3.", "okio.", "org.glassfish.", "jakarta.", "io.quarkus.", "io.micronaut.", "io.helidon.",
            "org.mockito.", "net.bytebuddy.", "org.objectweb.", "org.aspectj.", "com.mongodb.", "org.bson.",
            "redis.clients.", "io.lettuce.", "org.elasticsearch.", "co.elastic.", "com.amazonaws.",
            "software.amazon.", "org.openjdk.jmh.", "io.opentelemetry.", "io.prometheus.", "org.yaml.",
            "com.esotericsoftware.", "org.jetbrains.", "org.bouncycastle.", "com.zaxxer.", "org.ehcache.",
            "com.github.benmanes.caffeine.", "io.smallrye.", "org.infinispan.", "com.hazelcast.", "org.quartz.",
            "org.flywaydb.", "org.liquibase.", "liquibase.", "org.thymeleaf.", "freemarker.", "org.mybatis.",
            "org.antlr.", "com.jayway.", "net.minidev.", "org.json.", "com.alibaba.", "io.lettuce.",
            "org.asynchttpclient.", "feign.", "retrofit2.", "io.github.resilience4j.", "com.netflix.",
            "io.dropwizard.", "com.codahale.", "org.joda.", "lombok.", "org.mapstruct.", "org.jvnet.",
            "org.openjfx.", "javafx.", "com.intellij.", "org.gradle.", "org.junit.", "org.testng.",
            "org.assertj.", "io.flightdeck.");

    private final MethodTable methods;
    private final FrameTable frames;
    private final StackTable stacks;
    private final String applicationPackage;
    private final byte[] cache;

    public FrameClassifier(Profile profile) {
        this.methods = profile.methods();
        this.frames = profile.frames();
        this.stacks = profile.stacks();
        this.applicationPackage = applicationFamily(profile);
        this.cache = new byte[methods.size()];
    }

    /** The application's package family ("com.acme."), or null when the recording does not tell. */
    public String applicationPackage() {
        return applicationPackage;
    }

    /**
     * The package family of the application: the main class's from the java arguments; else (started with
     * {@code -jar}, from source, or by a launcher whose class is library code) the class of the {@code main}
     * method nearest the bottom of the main thread's stacks that is neither JDK nor a known launcher.
     */
    static String applicationFamily(Profile profile) {
        String fromArguments = mainPackage(profile.info().javaArguments().orElse(""));
        if (fromArguments != null && !isLauncher(fromArguments)) {
            return fromArguments;
        }
        String entry = mainThreadEntryClass(profile);
        return entry == null ? null : family(entry);
    }

    private static String mainThreadEntryClass(Profile profile) {
        int main = -1;
        for (int t = 0; t < profile.threads().size(); t++) {
            if ("main".equals(profile.threads().name(t))) {
                main = t;
                break;
            }
        }
        if (main < 0) {
            return null;
        }
        StackTable stacks = profile.stacks();
        MethodTable methods = profile.methods();
        FrameTable frames = profile.frames();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (io.flightdeck.model.SampleKind kind : io.flightdeck.model.SampleKind.values()) {
            io.flightdeck.model.SampleSet set = profile.samples(kind);
            for (int i = 0; i < set.size(); i++) {
                int stack = set.stack(i);
                if (set.thread(i) != main || stack < 0 || !seen.add(stack)) {
                    continue;
                }
                for (int d = stacks.depth(stack) - 1; d >= 0; d--) {
                    int m = frames.method(stacks.frame(stack, d));
                    String cls = methods.className(m);
                    if (methods.methodName(m).equals("main") && cls != null && !isJdk(cls) && !isLauncher(cls)) {
                        return cls;
                    }
                }
                if (seen.size() > 2_000) {
                    return null;
                }
            }
        }
        return null;
    }

    /** "com.acme." for com.acme.billing.Main; three segments where two name a library family; "" for no package. */
    static String family(String className) {
        String[] parts = className.split("\\.");
        if (parts.length == 1) {
            return "";
        }
        if (parts.length == 2) {
            return parts[0] + ".";
        }
        String two = parts[0] + "." + parts[1] + ".";
        if (isKnownLibrary(two) && parts.length > 3) {
            return two + parts[2] + ".";
        }
        return two;
    }

    private static boolean isJdk(String className) {
        for (String p : JDK) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Main classes that start someone else's code: the application is what they load. */
    private static final List<String> LAUNCHERS = List.of("org.springframework.boot.loader.",
            "org.eclipse.equinox.", "org.codehaus.plexus.classworlds.", "org.apache.maven.", "com.intellij.rt.",
            "org.gradle.", "org.junit.", "org.testng.", "io.quarkus.bootstrap.", "io.quarkus.runner.",
            "org.apache.catalina.startup.", "org.jboss.modules.", "org.apache.felix.", "org.openjdk.jmh.",
            "kotlin.", "scala.", "clojure.", "groovy.", "org.eclipse.jdt.internal.junit.", "worker.org.gradle.");

    private static boolean isLauncher(String className) {
        for (String p : LAUNCHERS) {
            if (className.startsWith(p) || p.startsWith(className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKnownLibrary(String className) {
        for (String p : LIBRARIES) {
            if (className.startsWith(p) || p.startsWith(className)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lambda proxy or another hidden class: {@code com.acme.Foo$$Lambda/0x…}, {@code Foo$$Lambda$14/0x…}, or a
     * class known only by its address ({@code 0x0000000060049000}).
     */
    public static boolean isHiddenClass(String className) {
        return className != null && (className.contains("$$Lambda") || className.startsWith("0x")
                || className.contains("/0x"));
    }

    /**
     * The method a person recognises for a compiled lambda body: {@code totalDiscounts} for
     * {@code lambda$totalDiscounts$3}, {@code lambda$static$0} stays as it is; any other name is returned as is.
     */
    public static String enclosingMethodName(String methodName) {
        if (methodName != null && methodName.startsWith("lambda$")) {
            int end = methodName.indexOf('$', 7);
            String inner = end < 0 ? methodName.substring(7) : methodName.substring(7, end);
            if (!inner.isEmpty() && !inner.equals("static") && !inner.equals("new")) {
                return inner;
            }
        }
        return methodName;
    }

    /** The kind of a method's code. */
    public FrameKind kind(int method) {
        byte c = cache[method];
        if (c == 0) {
            c = (byte) (classify(methods.className(method)).ordinal() + 1);
            cache[method] = c;
        }
        return FrameKind.values()[c - 1];
    }

    public FrameKind classify(String className) {
        if (isNativeCode(className)) {
            return FrameKind.JDK; // the JVM, the C library, the kernel: the runtime under the application
        }
        if (isHiddenClass(className)) {
            return FrameKind.JDK; // runtime glue between the caller and the lambda's body
        }
        if (applicationPackage != null && !applicationPackage.isEmpty() && className.startsWith(applicationPackage)) {
            return FrameKind.APPLICATION;
        }
        for (String p : JDK) {
            if (className.startsWith(p)) {
                return FrameKind.JDK;
            }
        }
        if (applicationPackage != null) {
            // the application's family is known: the default package is the application's, the rest is libraries
            return className.indexOf('.') < 0 ? FrameKind.APPLICATION : FrameKind.LIBRARY;
        }
        for (String p : LIBRARIES) {
            if (className.startsWith(p)) {
                return FrameKind.LIBRARY;
            }
        }
        return FrameKind.APPLICATION;
    }

    /**
     * Native frames of profilers that walk native stacks too (async-profiler): their "class" is the shared library
     * ("libjvm.so", "libc.so.6"), or nothing for kernel frames and the JVM's stubs. No Java class has such a name.
     */
    static boolean isNativeCode(String className) {
        if (className == null || className.isEmpty() || className.startsWith("[")) {
            return true;
        }
        int so = className.lastIndexOf(".so");
        if (so < 0) {
            return false;
        }
        for (int i = so + 3; i < className.length(); i++) {
            char c = className.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The method a finding should name for a stack: the first application frame from the top; else the first
     * library frame; else the top frame. {@code -1} for an empty or missing stack.
     */
    public int culpritMethod(int stack) {
        if (stack < 0) {
            return -1;
        }
        int depth = stacks.depth(stack);
        int firstLibrary = -1;
        for (int i = 0; i < depth; i++) {
            int method = frames.method(stacks.frame(stack, i));
            FrameKind k = kind(method);
            if (k == FrameKind.APPLICATION) {
                return method;
            }
            if (k == FrameKind.LIBRARY && firstLibrary < 0) {
                firstLibrary = method;
            }
        }
        if (firstLibrary >= 0) {
            return firstLibrary;
        }
        return depth == 0 ? -1 : frames.method(stacks.frame(stack, 0));
    }

    /** The first frame from the top that is not JDK code (application or library), else the top frame. */
    public int firstNonJdkMethod(int stack) {
        if (stack < 0) {
            return -1;
        }
        int depth = stacks.depth(stack);
        for (int i = 0; i < depth; i++) {
            int method = frames.method(stacks.frame(stack, i));
            if (kind(method) != FrameKind.JDK) {
                return method;
            }
        }
        return depth == 0 ? -1 : frames.method(stacks.frame(stack, 0));
    }

    /**
     * Where a throwable was thrown: the first frame from the top that is not JDK code; for JDK-only stacks, the
     * first frame that is not a constructor (the top frames of a throw event are the throwable's constructors).
     */
    public int throwingMethod(int stack) {
        if (stack < 0) {
            return -1;
        }
        int depth = stacks.depth(stack);
        int firstNonConstructor = -1;
        for (int i = 0; i < depth; i++) {
            int method = frames.method(stacks.frame(stack, i));
            if (kind(method) != FrameKind.JDK) {
                return method;
            }
            if (firstNonConstructor < 0 && !methods.methodName(method).equals("<init>")
                    && !methods.methodName(method).equals("fillInStackTrace")) {
                firstNonConstructor = method;
            }
        }
        if (firstNonConstructor >= 0) {
            return firstNonConstructor;
        }
        return depth == 0 ? -1 : frames.method(stacks.frame(stack, 0));
    }

    /**
     * The package of the main class: "com.example.orders" for "com.example.orders.OrderJob arg". Only the first
     * two segments are kept so sibling packages of the application count too. Null when not known.
     */
    static String mainPackage(String javaArguments) {
        String first = javaArguments.strip().split("\\s+", 2)[0];
        if (first.isEmpty() || first.startsWith("-") || first.endsWith(".jar")) {
            return null;
        }
        if (first.endsWith(".java") || first.contains("/")) {
            return null; // a source file or a module/class pair: the main thread's stacks tell
        }
        if (first.indexOf('.') < 0) {
            return null; // the default package: the main thread's stacks tell
        }
        if (isJdk(first)) {
            return null;
        }
        return family(first);
    }
}
