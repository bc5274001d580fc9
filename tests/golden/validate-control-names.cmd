cd $TMP && mkfifo "$(printf 'x\033[2Jy').yaml" && ln -s .. "$(printf 'l\nk')" && $JX validate .
