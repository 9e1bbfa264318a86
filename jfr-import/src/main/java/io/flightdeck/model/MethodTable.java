package io.flightdeck.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every distinct method seen in any stack trace: declaring class (binary name with dots), method name and
 * JVM descriptor. Methods are addressed by dense {@code int} ids.
 */
public final class MethodTable {
    private final String[] classNames;
    private final String[] methodNames;
    private final String[] descriptors;

    MethodTable(String[] classNames, String[] methodNames, String[] descriptors) {
        this.classNames = classNames;
        this.methodNames = methodNames;
        this.descriptors = descriptors;
    }

    public int size() {
        return classNames.length;
    }

    public String className(int id) {
        return classNames[id];
    }

    public String methodName(int id) {
        return methodNames[id];
    }

    public String descriptor(int id) {
        return descriptors[id];
    }

    /** {@code pkg.Class.method}: the form the CLI and the views show. */
    public String qualifiedName(int id) {
        return classNames[id] + "." + methodNames[id];
    }

    /** Package of the declaring class, or "" for the default package. */
    public String packageName(int id) {
        String c = classNames[id];
        int dot = c.lastIndexOf('.');
        return dot < 0 ? "" : c.substring(0, dot);
    }

    public static final class Builder {
        private record Key(String className, String methodName, String descriptor) {
        }

        private final Map<Key, Integer> index = new HashMap<>();
        private String[] classNames = new String[256];
        private String[] methodNames = new String[256];
        private String[] descriptors = new String[256];
        private int size;

        public int intern(String className, String methodName, String descriptor) {
            Key key = new Key(className, methodName, descriptor);
            Integer id = index.get(key);
            if (id != null) {
                return id;
            }
            if (size == classNames.length) {
                classNames = Arrays.copyOf(classNames, size * 2);
                methodNames = Arrays.copyOf(methodNames, size * 2);
                descriptors = Arrays.copyOf(descriptors, size * 2);
            }
            classNames[size] = className;
            methodNames[size] = methodName;
            descriptors[size] = descriptor;
            index.put(key, size);
            return size++;
        }

        public int size() {
            return size;
        }

        public String className(int id) {
            return classNames[id];
        }

        public String methodName(int id) {
            return methodNames[id];
        }

        public String descriptor(int id) {
            return descriptors[id];
        }

        public MethodTable build() {
            return new MethodTable(Arrays.copyOf(classNames, size), Arrays.copyOf(methodNames, size),
                    Arrays.copyOf(descriptors, size));
        }
    }
}
