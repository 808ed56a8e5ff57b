// libxlsxwriter from Debian (libxlsxwriter-dev): the status export's spreadsheet writer.
#include <xlsxwriter.h>
