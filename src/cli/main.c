/* The storydiff tool. TEMPORARY: replaced by the CLI module. */
#include <stdio.h>
#include "storydiff/storydiff.h"
int main(void)
{
    printf("storydiff %s\n", story_version());
    return 0;
}
