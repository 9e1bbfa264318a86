package io.flightdeck.analysis.rule.rules;

import io.flightdeck.analysis.format.Format;

/** Wording shared by the rules' messages. */
final class Text {
    private Text() {
    }

    /** "pkg.Class.method" → "Class.method"; "pkg.Class" → "Class". */
    static String simple(String qualified) {
        if (qualified == null) {
            return "?";
        }
        int dot = qualified.lastIndexOf('.');
        int classDot = dot > 0 ? qualified.lastIndexOf('.', dot - 1) : -1;
        return classDot >= 0 ? qualified.substring(classDot + 1) : qualified;
    }

    /** "pkg.Class" → "Class". */
    static String simpleClass(String className) {
        if (className == null) {
            return "?";
        }
        int dot = className.lastIndexOf('.');
        return dot >= 0 ? className.substring(dot + 1) : className;
    }

    static String percent(double p) {
        return Format.percent(p);
    }

    static String seconds(double s) {
        return Format.seconds(s);
    }

    static String rate(double perSecond) {
        if (perSecond >= 100) {
            return Format.count(Math.round(perSecond)) + "/s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f/s", perSecond);
    }
}
