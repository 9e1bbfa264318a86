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
 * JDK packages are known. Libraries are recognised by a list of well-known prefixes. Everything else is the
 * application; the package of the main class (from the recorded java arguments) always counts as application.
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
        this.applicationPackage = mainPackage(profile.info().javaArguments().orElse(""));
        this.cache = new byte[methods.size()];
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
        if (applicationPackage != null && className.startsWith(applicationPackage)) {
            return FrameKind.APPLICATION;
        }
        for (String p : JDK) {
            if (className.startsWith(p)) {
                return FrameKind.JDK;
            }
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
        String[] parts = first.split("\\.");
        if (parts.length < 3) {
            return null;
        }
        String prefix = parts[0] + "." + parts[1] + ".";
        for (String p : JDK) {
            if (prefix.startsWith(p)) {
                return null;
            }
        }
        return prefix;
    }
}
