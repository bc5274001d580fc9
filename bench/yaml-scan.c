/*
 * yaml-scan.c - the benchmark floor: read each file as jixiao does and run libyaml's event
 * parser over it, counting and discarding events; no tree, no scoring. With --tokens, only
 * libyaml's scanner (the tokens the event parser is built on), to see what the parser layer
 * itself costs.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#define MAX_FILE_BYTES (16u * 1024 * 1024)   /* jixiao's limit (docs/limits.md) */
#define MAX_DEPTH 64                        /* directory nesting; guards against loops */

typedef struct {
	char **v;
	size_t n, cap;
} paths;

static int paths_add(paths *p, const char *s)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 256;
		char **nv = cap > SIZE_MAX / sizeof *nv ? NULL : realloc(p->v, cap * sizeof *nv);
		if (!nv)
			return -1;
		p->v = nv;
		p->cap = cap;
	}
	if (!(p->v[p->n] = strdup(s)))
		return -1;
	p->n++;
	return 0;
}

static void paths_release(paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	memset(p, 0, sizeof *p);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_yaml(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

/* Collect the *.yaml / *.yml files under dir (not following directory symlinks). */
static int walk(paths *out, const char *dir, int depth)
{
	DIR *d = NULL;
	struct dirent *de;
	char *path = NULL;
	size_t dl = strlen(dir);
	int rc = -1;

	if (depth > MAX_DEPTH) {
		fprintf(stderr, "yaml-scan: %s: directories nested deeper than %d\n", dir, MAX_DEPTH);
		return -1;
	}
	if (!(d = opendir(dir))) {
		fprintf(stderr, "yaml-scan: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d))) {
		struct stat st;
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		size_t n = dl + 1 + strlen(de->d_name) + 1;
		char *np = realloc(path, n);
		if (!np)
			goto done;
		path = np;
		snprintf(path, n, "%s/%s", dir, de->d_name);
		if (lstat(path, &st) != 0) {
			fprintf(stderr, "yaml-scan: %s: %s\n", path, strerror(errno));
			goto done;
		}
		if (S_ISDIR(st.st_mode)) {
			if (walk(out, path, depth + 1))
				goto done;
		} else if (is_yaml(de->d_name) && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))) {
			if (paths_add(out, path))
				goto done;
		}
	}
	rc = 0;
done:
	free(path);
	closedir(d);
	return rc;
}

/* Read the whole file into a NUL-terminated buffer, as jixiao's loader does:
 * one allocation of the file's size, read(2) until the end. */
static int read_all(const char *path, unsigned char **out, size_t *len)
{
	struct stat st;
	size_t n = 0, cap;
	unsigned char *buf = NULL, *nb;
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = -1;

	if (fd < 0) {
		fprintf(stderr, "yaml-scan: %s: %s\n", path, strerror(errno));
		return -1;
	}
	cap = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	if (!(buf = malloc(cap + 1)))
		goto done;
	for (;;) {
		if (n == cap) {
			if (cap > MAX_FILE_BYTES) {
				fprintf(stderr, "yaml-scan: %s: larger than %u bytes\n", path, MAX_FILE_BYTES);
				goto done;
			}
			if (!(nb = realloc(buf, cap * 2 + 1)))
				goto done;
			buf = nb;
			cap *= 2;
		}
		ssize_t got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			fprintf(stderr, "yaml-scan: %s: %s\n", path, strerror(errno));
			goto done;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	buf = NULL;
	rc = 0;
done:
	free(buf);
	close(fd);
	return rc;
}

/* Parse one file, adding its events (or tokens) to *events; -1 on a read or YAML error. */
static int scan(const char *path, int tokens, unsigned long long *events)
{
	yaml_parser_t p;
	yaml_event_t ev;
	yaml_token_t tok;
	unsigned char *text = NULL;
	size_t len = 0;
	int rc = -1, done = 0;

	if (read_all(path, &text, &len))
		return -1;
	if (!yaml_parser_initialize(&p)) {
		free(text);
		return -1;
	}
	yaml_parser_set_input_string(&p, text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done) {
		if (!(tokens ? yaml_parser_scan(&p, &tok) : yaml_parser_parse(&p, &ev))) {
			fprintf(stderr, "%s:%lu:%lu: error: %s\n", path, (unsigned long)p.problem_mark.line + 1,
				(unsigned long)p.problem_mark.column + 1, p.problem ? p.problem : "invalid YAML");
			goto done;
		}
		if (tokens) {
			done = tok.type == YAML_STREAM_END_TOKEN;
			yaml_token_delete(&tok);
		} else {
			done = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
		}
		(*events)++;
	}
	rc = 0;
done:
	yaml_parser_delete(&p);
	free(text);
	return rc;
}

int main(int argc, char **argv)
{
	paths all = {0};
	unsigned long long events = 0;
	size_t failed = 0;
	int rc = 3, tokens = argc > 1 && strcmp(argv[1], "--tokens") == 0;

	if (argc < 2 + tokens) {
		fprintf(stderr, "usage: yaml-scan [--tokens] FILE|DIR...\n");
		return 2;
	}
	for (int i = 1 + tokens; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "yaml-scan: %s: %s\n", argv[i], strerror(errno));
			goto done;
		}
		if (S_ISDIR(st.st_mode)) {
			paths sub = {0};
			int bad = walk(&sub, argv[i], 0);
			if (!bad)
				qsort(sub.v, sub.n, sizeof *sub.v, cmp_str);
			for (size_t k = 0; !bad && k < sub.n; k++)
				bad = paths_add(&all, sub.v[k]);
			paths_release(&sub);
			if (bad)
				goto done;
		} else if (paths_add(&all, argv[i])) {
			goto done;
		}
	}
	for (size_t i = 0; i < all.n; i++)
		if (scan(all.v[i], tokens, &events))
			failed++;
	printf("files %zu %s %llu\n", all.n, tokens ? "tokens" : "events", events);
	if (failed)
		fprintf(stderr, "yaml-scan: %zu of %zu files failed\n", failed, all.n);
	rc = failed ? 2 : 0;
done:
	paths_release(&all);
	return rc;
}
