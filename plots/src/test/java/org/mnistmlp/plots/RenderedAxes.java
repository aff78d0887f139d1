package org.mnistmlp.plots;

import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * The tick labels XChart draws on a chart's axes, read after painting it: the formatting function
 * alone cannot tell which ticks XChart places, nor whether it places any. Reads XChart's internals
 * (the chart's axis pair and each axis's tick calculator) by reflection.
 */
final class RenderedAxes {
    private RenderedAxes() {}

    static List<String> yTickLabels(XYChart chart) {
        return tickLabels(chart, "getYAxis");
    }

    static List<String> xTickLabels(XYChart chart) {
        return tickLabels(chart, "getXAxis");
    }

    @SuppressWarnings("unchecked")
    private static List<String> tickLabels(XYChart chart, String axisGetter) {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        chart.paint(image.createGraphics(), chart.getWidth(), chart.getHeight());
        try {
            Object axisPair = field(chart, "axisPair");
            Object axis = call(axisPair, axisGetter);
            Object calculator = call(axis, "getAxisTickCalculator");
            return (List<String>) call(calculator, "getTickLabels");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("XChart's internals changed: " + e, e);
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static Object call(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    m.setAccessible(true);
                    return m.invoke(owner);
                }
            }
        }
        throw new NoSuchMethodException(name);
    }
}
