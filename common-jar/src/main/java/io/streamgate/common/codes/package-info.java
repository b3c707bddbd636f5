/** Access codes: the alphabet, generation, normalisation of typed input and display. */
package io.streamgate.common.codes;
