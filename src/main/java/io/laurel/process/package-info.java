/**
 * What Laurel's code and its BPMN models share: process keys, variable names and the helpers that turn
 * Java values into Camunda Form options. A base module: it depends on no feature, so every feature may use it.
 */
package io.laurel.process;
