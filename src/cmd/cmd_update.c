/* cmd_update.c: eedraws update [SOURCE...], the cron job (update/update.c). */
#include "cmd.h"
#include "update.h"

int
cmd_update(struct app *app, int argc, char **argv)
{
	int j, rc;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1])
		return usage_error("update: unknown option '%s'", argv[1]);
	for (j = 1; j < argc; j++)
		if (!config_source(&app->config, argv[j]))
			return usage_error("update: no source named '%s' in the config", argv[j]);
	return (rc = app_setup(app)) ? rc : update_run(app, argc, argv);
}
