"""Runs `pith batch` on every partition of a JSON lines archive with Spark.

Each partition's {"id","text"} lines are piped through one `pith batch` process on the executor
that holds them; the output is one JSON line per record ({"id", ...analysis} or an error line),
in the partition's order, written as JSON lines (part files) under --output.

Local mode (what `make spark-demo` runs):

    spark-submit --master 'local[2]' --files target/release/pith \
        examples/spark/pith_batch.py --input articles.jsonl --output out/

On a cluster, the same job: ship the Linux binary with --files (each executor gets a copy in its
working directory) and point --input/--output at shared storage (HDFS, S3, ...):

    spark-submit --master yarn --deploy-mode cluster --files target/release/pith \
        examples/spark/pith_batch.py --input hdfs:///news/2024/*.jsonl.gz --output hdfs:///gist/2024
"""

import argparse
import os
import stat
import subprocess
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def pith_path(name):
    """The binary shipped with --files, on this executor (not the driver's copy)."""
    path = SparkFiles.get(name)
    # Files fetched by Spark are not always executable (it depends on the cluster manager).
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        os.chmod(path, mode | stat.S_IXUSR)
    return path


def run_pith(binary, args):
    """A mapPartitions function: the partition's lines through one `pith batch` process."""

    def run(lines):
        proc = subprocess.Popen(
            [pith_path(binary), "batch", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

        # Feed stdin from a thread while reading stdout: pith writes as it goes, and a full
        # pipe on either side would otherwise block both processes.
        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
            finally:
                proc.stdin.close()

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        for out in proc.stdout:
            yield out.decode("utf-8").rstrip("\n")
        feeder.join()
        stderr = proc.stderr.read().decode("utf-8", "replace")
        if proc.wait() != 0:
            raise RuntimeError(f"pith batch failed ({proc.returncode}): {stderr}")

    return run


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--input", required=True, help="JSON lines {id,text}: path, glob or directory (gzip ok)")
    p.add_argument("--output", required=True, help="output directory (must not exist)")
    p.add_argument("--binary", default="pith", help="file name of the binary shipped with --files")
    p.add_argument("--partitions", type=int, default=0, help="minimum input partitions (default: Spark's)")
    # One worker thread per pith: Spark already runs one task per core.
    p.add_argument("--threads", type=int, default=1, help="pith batch --threads, per task")
    a, pith_args = p.parse_known_args()

    spark = SparkSession.builder.appName("pith-batch").getOrCreate()
    sc = spark.sparkContext
    lines = sc.textFile(a.input, a.partitions or None)
    gists = lines.mapPartitions(run_pith(a.binary, ["--threads", str(a.threads), *pith_args]))
    gists.saveAsTextFile(a.output)
    spark.stop()


if __name__ == "__main__":
    main()
