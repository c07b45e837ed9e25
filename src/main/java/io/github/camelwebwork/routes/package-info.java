/**
 * The beans of the shipped routes (routes/*.yaml), one package per flow: {@code jira}, {@code digest}, {@code export},
 * {@code kafka}; here what they share ({@link io.github.camelwebwork.routes.RouteClock}).
 */
package io.github.camelwebwork.routes;
