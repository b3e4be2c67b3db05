/** The grid runner, its resumable index, the executor seam for models, and the run and cost records. */
package dev.recompose.bench.run;
