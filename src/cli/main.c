/*
 * main.c - the jixiao command line: a table of commands, each in
 * cmd_<name>.c, and the global options.
 */
#include "cli.h"

#include "jixiao/common.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

extern const cli_command cmd_score, cmd_validate, cmd_explain, cmd_report, cmd_audit,
	cmd_whatif, cmd_sensitivity, cmd_ahp, cmd_weights, cmd_import, cmd_rules;

static const cli_command *const commands[] = {
	&cmd_score, &cmd_validate, &cmd_explain, &cmd_report, &cmd_audit, &cmd_whatif,
	&cmd_sensitivity, &cmd_ahp, &cmd_weights, &cmd_import, &cmd_rules
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void overview(FILE *out)
{
	fprintf(out, "usage: jixiao COMMAND [ARGS]\n\n"
		     "Scores budget-performance self-evaluation tables (绩效自评表) exactly.\n\n"
		     "Commands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-12s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(out, "\nOptions:\n"
		     "  -h, --help     show this help; 'jixiao COMMAND --help' for a command\n"
		     "  --version      show the version\n\n"
		     "Exit status: 0 success, 1 found what --fail-on asked about,\n"
		     "2 bad input or usage, 3 input/output failure.\n");
}

static const cli_command *find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		overview(stderr);
		return EXIT_INPUT;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		overview(stdout);
		return EXIT_OK;
	}
	if (strcmp(name, "--version") == 0) {
		printf("jixiao %s\n", JX_VERSION);
		return EXIT_OK;
	}
	bool help = strcmp(name, "help") == 0;
	if (help && argc == 2) {
		overview(stdout);
		return EXIT_OK;
	}
	if (help)
		name = argv[2];
	const cli_command *c = find(name);
	if (!c) {
		fprintf(stderr, "jixiao: unknown command '%s'\n", name);
		overview(stderr);
		return EXIT_INPUT;
	}
	if (help) {
		cli_usage(stdout, c);
		return EXIT_OK;
	}
	return c->run(argc - 1, argv + 1);
}
